package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/dyadproject/dyad"
)

// apiError is the body of every error response.
type apiError struct {
	Error errorBody `json:"error"`
}

type errorBody struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
	// Param names the query parameter or field at fault, when one is.
	Param string `json:"param,omitempty"`
}

// badParam is a client error in one parameter.
type badParam struct {
	param, msg string
}

func (e *badParam) Error() string { return e.param + ": " + e.msg }

func writeError(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	writeJSON(w, r, status, apiError{errorBody{Status: status, Code: code, Message: msg}})
}

// fail answers err with the status it calls for: 400 for a bad parameter
// or query, 404 for something not stored, 503 when the request ran out of
// time, 500 (logged, not shown) for the rest.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var bp *badParam
	switch {
	case errors.As(err, &bp):
		writeJSON(w, r, http.StatusBadRequest, apiError{errorBody{Status: 400, Code: "invalid_parameter", Message: bp.Error(), Param: bp.param}})
	case errors.Is(err, dyad.ErrBadQuery):
		writeError(w, r, http.StatusBadRequest, "invalid_query", err.Error())
	case errors.Is(err, dyad.ErrNotFound):
		writeError(w, r, http.StatusNotFound, "not_found", err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, r, http.StatusServiceUnavailable, "timeout", "the query took too long; narrow it with more filters")
	case errors.Is(err, context.Canceled):
		// The client left; nobody reads an answer.
	default:
		s.cfg.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, r, http.StatusInternalServerError, "internal", "internal error; the server log has the details")
	}
}

func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		b.Reset()
		b.WriteString(`{"error":{"status":500,"code":"internal","message":"could not encode the answer"}}`)
	}
	w.Header().Set("Cache-Control", "no-store")
	writeBody(w, r, status, "application/json; charset=utf-8", b.Bytes())
}

// writeBody sends body, gzipped when the client takes it and it is worth it.
func writeBody(w http.ResponseWriter, r *http.Request, status int, ctype string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Add("Vary", "Accept-Encoding")
	if len(body) > 1400 && acceptsGzip(r) {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
		zw.Write(body)
		zw.Close()
		h.Set("Content-Encoding", "gzip")
		body = b.Bytes()
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
