package report

import (
	"bufio"
	"econcalc/cmd/internal/input"
	"encoding/binary"
	"io"
	"runtime"
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// tableFormatter draws an aligned ASCII table: text left, numbers right,
// byte for byte as tablewriter draws it with the ASCII symbols, no header
// formatting, no wrapping and no trimming (TestTableAsTablewriterDrawsIt).
// It draws the table itself because tablewriter spends some 40 µs a row:
// 40 s for a million villages. Rows are kept until the widths are known,
// each cell as its width, its length and its bytes, in blocks of a
// megabyte, so that a million rows are a hundred allocations, not twelve
// million strings, and are never copied.
type tableFormatter struct {
	titles []string
	right  []bool    // numbers right-aligned, text left
	widths []int     // the widest cell of each column so far, in terminal columns
	blocks [][]byte  // cells in turn: width and length (uvarints), then the bytes
	rows   []cellsAt // where each row's cells begin
}

// cellsAt is where a row's cells begin: a block and an offset in it.
type cellsAt struct{ block, at int32 }

// tableBlock is the size from which a block takes no more rows (a variable
// so that tests fill blocks).
var tableBlock = 1 << 20

func (f *tableFormatter) Header(cols []Column, titles []string) {
	f.titles = titles
	f.right = make([]bool, len(cols))
	for i, c := range cols {
		f.right[i] = c.Kind != TextKind
	}
	f.widths = make([]int, len(cols))
}

func (f *tableFormatter) Row(cells []Rendered) {
	if len(f.blocks) == 0 || len(f.blocks[len(f.blocks)-1]) >= tableBlock {
		var b []byte // the first grows as it fills: a short table takes little
		if len(f.blocks) > 0 {
			b = make([]byte, 0, tableBlock+tableBlock/8)
		}
		f.blocks = append(f.blocks, b)
	}
	k := len(f.blocks) - 1
	b := f.blocks[k]
	f.rows = append(f.rows, cellsAt{int32(k), int32(len(b))})
	for i, c := range cells {
		s, w := inTable(c.S)
		f.widths[i] = max(f.widths[i], w)
		b = binary.AppendUvarint(b, uint64(w))
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	f.blocks[k] = b
}

func (f *tableFormatter) Chunk() Formatter {
	return &tableFormatter{right: f.right, widths: make([]int, len(f.right))}
}

// Join takes over a chunk's blocks: its rows are not copied.
func (f *tableFormatter) Join(c Formatter) {
	chunk := c.(*tableFormatter)
	offset := int32(len(f.blocks))
	f.blocks = append(f.blocks, chunk.blocks...)
	for _, r := range chunk.rows {
		f.rows = append(f.rows, cellsAt{r.block + offset, r.at})
	}
	for i, w := range chunk.widths {
		f.widths[i] = max(f.widths[i], w)
	}
}

// tabSpaces is what a tab in a cell is drawn as. tablewriter made it
// as many spaces as it guessed the terminal's tab stops to be, from the
// environment and the files in the working folder; the same input should
// give the same bytes everywhere.
const tabSpaces = "        "

// inTable is a cell's text as a table draws it, one line (oneLine) with
// tabs drawn as spaces and other controls escaped (escapeControls), and
// its width: how many terminal columns it takes,
// as tablewriter counts them with East Asian ambiguous characters (±, °, —)
// narrow, whatever the locale or RUNEWIDTH_EASTASIAN say, so that the same
// input gives the same bytes everywhere. Printable ASCII, most cells, is
// one column a byte.
func inTable(s string) (string, int) {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			s = escapeControls(oneLine(s))
			if strings.IndexByte(s, '\t') >= 0 {
				s = strings.ReplaceAll(s, "\t", tabSpaces)
			}
			return s, twwidth.WidthWithOptions(s, twwidth.Options{})
		}
	}
	return s, len(s)
}

// parallelTableRows is the length from which a table's rows are drawn in
// parallel, in pieces of this many rows or more, one per core (a variable
// so that tests use it on small tables).
var parallelTableRows = 2000

// Finish draws the table: a rule, the titles, a rule, and the rows and a
// rule after them if there are any. The rows are drawn in batches, a piece
// per core when the table is long, and written as they are drawn.
func (f *tableFormatter) Finish(w io.Writer) error {
	titles := make([]string, len(f.titles))
	titleWidths := make([]int, len(f.titles))
	widths := make([]int, len(f.titles))
	for c, title := range f.titles {
		titles[c], titleWidths[c] = inTable(title)
		widths[c] = max(titleWidths[c], f.widths[c])
	}
	out := bufio.NewWriterSize(w, 64<<10)
	var buf []byte
	buf = appendRule(buf, widths)
	buf = append(buf, '|')
	for c, title := range titles {
		buf = f.appendCell(buf, c, []byte(title), titleWidths[c], widths[c])
	}
	buf = append(buf, '\n')
	buf = appendRule(buf, widths)
	out.Write(buf)
	parts := runtime.GOMAXPROCS(0)
	if len(f.rows) < max(parallelTableRows, parts) || parts < 2 {
		parts = 1
	}
	pieces := make([][]byte, parts)
	batch := max(parallelTableRows, 1) * parts
	for from := 0; from < len(f.rows); from += batch {
		rows := f.rows[from:min(from+batch, len(f.rows))]
		input.InParts(len(rows), parts, func(k, from, to int) {
			pieces[k] = f.appendRows(pieces[k][:0], rows[from:to], widths)
		})
		for _, p := range pieces {
			out.Write(p)
		}
	}
	if len(f.rows) > 0 { // the rule under the titles closes a table without rows
		out.Write(appendRule(buf[:0], widths))
	}
	return out.Flush()
}

// appendRule appends a rule: +----+------+.
func appendRule(b []byte, widths []int) []byte {
	b = append(b, '+')
	for _, w := range widths {
		for range w + 2 {
			b = append(b, '-')
		}
		b = append(b, '+')
	}
	return append(b, '\n')
}

// appendCell appends a cell of column c, text s of width w, padded to
// width, and the bar after it.
func (f *tableFormatter) appendCell(b []byte, c int, s []byte, w, width int) []byte {
	b = append(b, ' ')
	if f.right[c] {
		b = appendSpaces(b, width-w)
	}
	b = append(b, s...)
	if !f.right[c] {
		b = appendSpaces(b, width-w)
	}
	return append(b, " |"...)
}

// appendRows appends the lines of rows.
func (f *tableFormatter) appendRows(b []byte, rows []cellsAt, widths []int) []byte {
	for _, r := range rows {
		cells, at := f.blocks[r.block], int(r.at)
		b = append(b, '|')
		for c, width := range widths {
			w, n := binary.Uvarint(cells[at:])
			at += n
			size, n := binary.Uvarint(cells[at:])
			at += n
			b = f.appendCell(b, c, cells[at:at+int(size)], int(w), width)
			at += int(size)
		}
		b = append(b, '\n')
	}
	return b
}

func appendSpaces(b []byte, n int) []byte {
	const spaces = "                                "
	for n > len(spaces) {
		b = append(b, spaces...)
		n -= len(spaces)
	}
	return append(b, spaces[:max(n, 0)]...)
}
