package warc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"os"
	"strings"

	"github.com/dyadproject/dyad/ingest"
	"github.com/nlnwa/gowarc/v3"
)

// ErrBadRecord marks a record that could not be read.
var ErrBadRecord = errors.New("bad WARC record")

// Options set the reader. The zero value reads pages up to 16 MiB.
type Options struct {
	ingest.Options
	// MaxPage caps an HTML payload; larger pages are skipped with a warning.
	MaxPage int64
}

// IsWARC reports whether a file name looks like a WARC file.
func IsWARC(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".warc") || strings.HasSuffix(n, ".warc.gz")
}

// ReadFile reads one WARC file.
func ReadFile(name string, opt Options, emit func(ingest.Item) error) error {
	f, err := os.Open(name)
	if err != nil {
		return emit(ingest.Item{Source: name, Err: err})
	}
	defer f.Close()
	return Read(f, name, opt, emit)
}

// Read reads a WARC stream; source names it in Items and warnings. When
// r can seek (a file), reading resumes after a damaged record at the next
// record start; otherwise it stops there.
func Read(r io.Reader, source string, opt Options, emit func(ingest.Item) error) error {
	if opt.MaxPage <= 0 {
		opt.MaxPage = 16 << 20
	}
	rs, _ := r.(io.ReadSeeker)
	gzipped := false
	if rs != nil {
		var head [2]byte
		n, _ := io.ReadFull(rs, head[:])
		gzipped = n == 2 && head[0] == 0x1f && head[1] == 0x8b
	}
	offset := int64(0)
	for bad := 0; bad < maxBadInARow; bad++ {
		next, ok, err := readFrom(r, offset, source, opt, emit)
		if err != nil || !ok || rs == nil {
			return err
		}
		// A damaged record at next: find where the following one starts.
		offset, ok = resync(rs, next+1, gzipped)
		if !ok {
			return nil
		}
	}
	return emit(ingest.Item{Source: source, Err: fmt.Errorf("%s: %w: giving up after %d damaged records", source, ErrBadRecord, maxBadInARow)})
}

// readFrom reads records from offset until the end (ok false) or a damaged
// record, whose offset it returns with ok true after warning about it.
func readFrom(r io.Reader, offset int64, source string, opt Options, emit func(ingest.Item) error) (int64, bool, error) {
	wf, err := gowarc.NewWarcFileReaderFromStream(r, offset,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn), gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore), gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore))
	if err != nil {
		return 0, false, emit(ingest.Item{Source: source, Err: err})
	}
	defer wf.Close()
	for {
		rec, err := wf.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			return 0, false, nil
		}
		if err != nil || rec.WarcRecord == nil {
			if rec.WarcRecord != nil {
				rec.Close()
			}
			if err == nil {
				err = errors.New("no record")
			}
			at := fmt.Sprintf("%s@%d", source, rec.Offset)
			if e := emit(ingest.Item{Source: at, Err: fmt.Errorf("%s: %w, skipped: %v", at, ErrBadRecord, err)}); e != nil {
				return 0, false, e
			}
			return rec.Offset, true, nil
		}
		err = page(rec, source, opt, emit)
		rec.Close()
		if err != nil {
			return 0, false, err
		}
	}
}

// resync finds the next record start at or after from: a gzip member
// header in a gzipped file, a "WARC/1." line otherwise.
func resync(rs io.ReadSeeker, from int64, gzipped bool) (int64, bool) {
	magic := []byte("WARC/1.")
	if gzipped {
		magic = []byte{0x1f, 0x8b, 0x08}
	}
	if _, err := rs.Seek(from, io.SeekStart); err != nil {
		return 0, false
	}
	buf := make([]byte, 64<<10)
	carry := 0
	base := from
	for {
		n, err := rs.Read(buf[carry:])
		end := carry + n
		if i := bytes.Index(buf[:end], magic); i >= 0 {
			return base + int64(i), true
		}
		if err != nil {
			return 0, false
		}
		// Keep the last few bytes in case the magic straddles two reads.
		keep := min(len(magic)-1, end)
		copy(buf, buf[end-keep:end])
		base += int64(end - keep)
		carry = keep
	}
}

// maxBadInARow stops a file that is hopelessly broken.
const maxBadInARow = 1000

// page emits the article of a response record holding an HTML page.
func page(rec gowarc.Record, source string, opt Options, emit func(ingest.Item) error) error {
	wr := rec.WarcRecord
	if wr.Type() != gowarc.Response {
		return nil
	}
	at := fmt.Sprintf("%s@%d", source, rec.Offset)
	block, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil // e.g. a DNS or FTP response
	}
	if block.HttpStatusCode() != 200 {
		return nil
	}
	if ct := block.HttpHeader().Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "text/html" && mt != "application/xhtml+xml") {
			return nil
		}
	}
	body, err := block.PayloadBytes()
	if err != nil {
		return emit(ingest.Item{Source: at, Err: fmt.Errorf("%s: %w, skipped: %v", at, ErrBadRecord, err)})
	}
	data, err := io.ReadAll(io.LimitReader(body, opt.MaxPage+1))
	if err != nil {
		return emit(ingest.Item{Source: at, Err: fmt.Errorf("%s: %w, skipped: %v", at, ErrBadRecord, err)})
	}
	if int64(len(data)) > opt.MaxPage {
		return emit(ingest.Item{Source: at, Err: fmt.Errorf("%s: page larger than %d bytes, skipped", at, opt.MaxPage)})
	}
	target := wr.WarcHeader().Get(gowarc.WarcTargetURI)
	id := target
	if id == "" {
		id = wr.RecordId()
	}
	return ingest.ReadKind(bytes.NewReader(data), ingest.KindHTML, at, id, opt.Options, func(it ingest.Item) error {
		if it.Err == nil && it.Article.URL == "" {
			it.Article.URL = target
		}
		return emit(it)
	})
}
