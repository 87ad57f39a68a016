package dyad

// Event is one coded action of a source actor towards a target actor as
// reported in one article (FORMATS.md §2). Field names are an interface
// other tools depend on: add fields, never rename them.
type Event struct {
	ArticleID     string     `json:"article_id"`
	Code          string     `json:"code"`
	Root          string     `json:"root"`
	Quad          int        `json:"quad"`
	Goldstein     float64    `json:"goldstein"`
	Plover        string     `json:"plover"`
	Source        EventActor `json:"source"`
	Target        EventActor `json:"target"`
	Date          string     `json:"date"`
	DatePrecision string     `json:"date_precision"`
	Location      *Location  `json:"location,omitempty"`
	Modality      string     `json:"modality"`
	Negated       bool       `json:"negated"`
	ReportedBy    []string   `json:"reported_by"`
	Mentions      int        `json:"mentions"`
	Evidence      []Evidence `json:"evidence"`
	Rule          string     `json:"rule"`
}

// EventActor is an actor as it appears on an event: its codes plus the text
// that named it. A missing actor has all fields empty, never null.
type EventActor struct {
	Code    string `json:"code"`
	Country string `json:"country"`
	Agent   string `json:"agent"`
	Name    string `json:"name"`
	Text    string `json:"text"`
}

// Location is where an event took place.
type Location struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// Evidence is a sentence that reports an event.
type Evidence struct {
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
}

// Modality values (FORMATS.md §2).
const (
	Asserted     = "asserted"
	Intended     = "intended"
	Hypothetical = "hypothetical"
	Denied       = "denied"
)

// Date precisions (FORMATS.md §2).
const (
	PrecisionDay        = "day"
	PrecisionWeek       = "week"
	PrecisionMonth      = "month"
	PrecisionYear       = "year"
	PrecisionUnresolved = "unresolved"
)

// Quote is a quotation and who said it (FORMATS.md §3).
type Quote struct {
	ArticleID  string   `json:"article_id"`
	Speaker    Speaker  `json:"speaker"`
	Text       string   `json:"text"`
	Direct     bool     `json:"direct"`
	Cue        string   `json:"cue"`
	ReportedBy []string `json:"reported_by"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
}

// Speaker is the person or body a quote is attributed to.
type Speaker struct {
	Name string `json:"name"`
	Code string `json:"code"`
}
