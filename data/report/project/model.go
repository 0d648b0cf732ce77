package project

// Document is a report draft, independent of the file format it is
// written in.
type Document struct {
	Title    string
	Subtitle string // the period, "Period: 2026-01-01 – 2026-06-30"
	Date     string // YYYY-MM-DD the document is dated (the period's end)
	// PageFooter is the PDF's footer with "{page}" and "{nb}" standing for
	// the page number and the number of pages.
	PageFooter string
	Sections   []Section
}

// Section is a heading and what follows it up to the next heading. Level
// 1 is a chapter, 2 a part of one.
type Section struct {
	Level   int
	Heading string
	Blocks  []Block
}

// BlockKind says what a block is.
type BlockKind int

const (
	// Paragraph is prose; line breaks in its text are kept.
	Paragraph BlockKind = iota
	// Prompt is a paragraph that stands where the lead is to write,
	// "[Write here: …]"; renderers set it apart (grey, italic).
	Prompt
	// Note is a small explanatory line (the size note under the indicators).
	Note
	// List is a bullet list of Items.
	List
	// TableBlock is Table.
	TableBlock
	// Image is Picture; make one with PictureOf.
	Image
)

// Block is one paragraph, prompt, list, table or picture of a section.
type Block struct {
	Kind    BlockKind
	Text    string   // Paragraph, Prompt, Note
	Items   []string // List
	Table   *Table   // TableBlock
	Picture *Picture // Image
}

// Table is a table with a header row.
type Table struct {
	Header []string
	Rows   [][]string
	// Numeric marks the columns of numbers, aligned right.
	Numeric []bool
	// Widths are the columns' relative widths; nil shares the width equally.
	Widths []float64
}

// Para is a paragraph of prose.
func Para(text string) Block { return Block{Kind: Paragraph, Text: clean(text)} }

// PromptFor is where the lead writes: the prompt's text as the document
// shows it, already translated ("[Write here: …]").
func PromptFor(text string) Block { return Block{Kind: Prompt, Text: clean(text)} }

// NoteOf is a small explanatory line.
func NoteOf(text string) Block { return Block{Kind: Note, Text: clean(text)} }

// Bullets is a bullet list; empty items are left out.
func Bullets(items ...string) Block {
	b := Block{Kind: List}
	for _, it := range items {
		if it = clean(it); it != "" {
			b.Items = append(b.Items, it)
		}
	}
	return b
}

// TableOf is a table block; its texts are cleaned like every text of the
// document. Rows shorter than the header are padded.
func TableOf(t Table) Block {
	c := Table{Numeric: t.Numeric, Widths: t.Widths}
	for _, h := range t.Header {
		c.Header = append(c.Header, clean(h))
	}
	for _, r := range t.Rows {
		row := make([]string, max(len(r), len(t.Header)))
		for i, v := range r {
			row[i] = clean(v)
		}
		c.Rows = append(c.Rows, row)
	}
	return Block{Kind: TableBlock, Table: &c}
}
