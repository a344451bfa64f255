package input

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// An .xlsx workbook is a zip of XML parts: the workbook lists the sheets in
// order and, through its relationships, the part holding each; cells refer to
// a shared string table and to cell formats in the styles part. The sheet is
// read as one stream of XML tokens, so that a cell's type, number format and
// saved value (or its absence) are all in hand. excelize cannot tell them in
// a stream: its Rows iterator gives values only, and its per-cell getters
// load the whole sheet a second time: 7 to 9 s for 100,000 rows of six
// cells, which this reads in 1.3 to 2.3 s (BenchmarkConvertWorkbook, on two
// busy cores). The tests use excelize to write workbooks.

// convertWorkbook writes one sheet of the .xlsx workbook at path as CSV to w:
// comma-separated, RFC 4180 quoting, "\n" line ends, one CSV line per sheet row
// from row 1 to the last row with content, so that line N of the output is row N
// of the sheet, and from the first column with content in any row. display is the file name as the user wrote it, for messages.
// sheet is "" (the first visible sheet in workbook order, as Excel opens it,
// with a note naming it when hidden sheets come before it), a sheet name, or a
// 1-based index ("2") when no sheet has that name, hidden sheets counted. It
// returns the chosen sheet's name.
//
// A number whose format shows it scaled (#,##0, in 千) is read as shown,
// and must then be in a column whose unit is the one shown: the header is
// found below the lines opts.Skip passes over (scaleCheck).
func convertWorkbook(path, display string, opts Options, w io.Writer) (sheetName string, err error) {
	sheetName, _, err = convertSheetFrom(path, display, opts, true, w)
	return sheetName, err
}

// convertSheet is convertWorkbook, with the units of scaled cells checked
// or not (checkUnits).
func convertSheet(path, display string, opts Options, checkUnits bool, w io.Writer) (sheetName string, err error) {
	sheetName, _, err = convertSheetFrom(path, display, opts, checkUnits, w)
	return sheetName, err
}

// convertSheetFrom is convertSheet, which also gives the sheet's first
// column written, as Excel numbers it (2 for a table from column B), so
// that messages can name a column by its letter (excelFrom).
func convertSheetFrom(path, display string, opts Options, checkUnits bool, w io.Writer) (sheetName string, from int, err error) {
	sheet := opts.Sheet
	zr, err := zip.OpenReader(path)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrAlgorithm) || errors.Is(err, io.ErrUnexpectedEOF) {
			return "", 0, &DataError{File: display, Msg: "is not a readable .xlsx workbook: its zip container is damaged or cut short (" + err.Error() + ")"}
		}
		return "", 0, &DataError{File: display, Msg: describeOpenError(err)}
	}
	defer zr.Close()
	b := &workbook{display: display, parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		b.parts[strings.ToLower(f.Name)] = f
	}
	if err := b.readStructure(); err != nil {
		return "", 0, err
	}
	ws, err := b.pick(sheet)
	if err != nil {
		return "", 0, err
	}
	if hidden := b.hiddenBefore(ws); sheet == "" && len(hidden) > 0 && warning != nil {
		warning(display + ": " + hiddenNote(ws.name, hidden))
	}
	if err := b.readSharedStrings(); err != nil {
		return ws.name, 0, err
	}
	if err := b.readStyles(); err != nil {
		return ws.name, 0, err
	}
	t := table{empty: -1}
	var units *scaleCheck
	if checkUnits {
		units = newScaleCheck(display+"["+ws.name+"]", opts)
	}
	if err := b.readSheet(ws, &t, units); err != nil {
		return ws.name, 0, err
	}
	if row, header, ok := units.takenHeader(); ok {
		t.replace(row, header)
	}
	if err := t.fillMerged(display+"["+ws.name+"]", t.headerRow(units, opts.Skip)); err != nil {
		return ws.name, 0, err
	}
	return ws.name, t.firstColumn(), t.writeTo(w)
}

type workbook struct {
	display  string
	parts    map[string]*zip.File // by lower-cased name: part names ignore case
	sheets   []sheetEntry         // in workbook order
	date1904 bool
	shared   []string        // the shared string table
	isDate   []bool          // by cell format (the s attribute of a cell)
	places   []int           // by cell format: the decimals a fixed-point number format shows, or -1
	codes    []string        // by cell format: its number format's code, for messages
	percent  []percentFormat // by cell format
	strPart  string
	stylPart string
}

type sheetEntry struct {
	name, part, kind string // kind: "worksheet", "chartsheet", …
	hidden           bool
}

// damaged is the error for a workbook whose parts cannot be read.
func (b *workbook) damaged(part string, err error) error {
	return &DataError{File: b.display, Msg: fmt.Sprintf("is a damaged workbook: %s: %v", part, err)}
}

// tokens calls fn with each raw XML token of a part (names keep their
// prefixes, so strict and transitional documents read alike), checking that
// elements close in order, which RawToken leaves to its caller. A missing
// part has no tokens. CharData is only valid during the call.
func (b *workbook) tokens(part string, fn func(xml.Token) error) error {
	f := b.parts[strings.ToLower(part)]
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return b.damaged(part, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))
	var open []xml.Name
	for {
		tok, err := d.RawToken()
		if err == io.EOF && len(open) > 0 {
			err = fmt.Errorf("it ends inside <%s>", open[len(open)-1].Local)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return b.damaged(part, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			open = append(open, e.Name)
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != e.Name {
				return b.damaged(part, fmt.Errorf("</%s> closes no element", e.Name.Local))
			}
			open = open[:len(open)-1]
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relationships reads the relationships of a part: by id, the target part
// and the type's last word ("worksheet", "styles", "officeDocument"); and by
// type, the first target of each.
func (b *workbook) relationships(of string) (byID map[string][2]string, byType map[string]string, err error) {
	dir, file := path.Split(of)
	byID, byType = map[string][2]string{}, map[string]string{}
	err = b.tokens(dir+"_rels/"+file+".rels", func(tok xml.Token) error {
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" && attr(e, "TargetMode") != "External" {
			target := attr(e, "Target")
			if strings.HasPrefix(target, "/") {
				target = target[1:]
			} else {
				target = path.Join(dir, target)
			}
			typ := attr(e, "Type")
			typ = typ[strings.LastIndexByte(typ, '/')+1:]
			byID[attr(e, "Id")] = [2]string{target, typ}
			if _, ok := byType[typ]; !ok {
				byType[typ] = target
			}
		}
		return nil
	})
	return byID, byType, err
}

// readStructure finds the workbook part, its sheets in order, the date
// system and the parts holding the shared strings and the styles.
func (b *workbook) readStructure() error {
	if f := b.parts["mimetype"]; f != nil && strings.Contains(readSmall(f), "opendocument.spreadsheet") {
		return &DataError{File: b.display, Msg: "is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as .xlsx or CSV and read that"}
	}
	_, root, err := b.relationships("")
	if err != nil {
		return err
	}
	main := root["officeDocument"]
	if main == "" {
		main = "xl/workbook.xml"
	}
	if strings.HasSuffix(strings.ToLower(main), ".bin") {
		return &DataError{File: b.display, Msg: "is an Excel binary workbook (.xlsb); save it as .xlsx or CSV (File › Save As) and read that"}
	}
	if b.parts[strings.ToLower(main)] == nil {
		return &DataError{File: b.display, Msg: "is a zip file but not an .xlsx workbook (it holds no " + main + ")"}
	}
	rels, byType, err := b.relationships(main)
	if err != nil {
		return err
	}
	b.strPart, b.stylPart = byType["sharedStrings"], byType["styles"]
	isWorkbook := false
	err = b.tokens(main, func(tok xml.Token) error {
		e, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		switch e.Name.Local {
		case "workbook":
			isWorkbook = true
		case "workbookPr":
			v := attr(e, "date1904")
			b.date1904 = v == "1" || v == "true"
		case "sheet":
			r, ok := rels[attr(e, "id")]
			if !ok {
				return b.damaged(main, fmt.Errorf("sheet %q has no part", attr(e, "name")))
			}
			state := attr(e, "state")
			b.sheets = append(b.sheets, sheetEntry{attr(e, "name"), r[0], r[1], state == "hidden" || state == "veryHidden"})
		}
		return nil
	})
	if err == nil && !isWorkbook {
		err = &DataError{File: b.display, Msg: "is a zip file but not an .xlsx workbook (its main part " + main + " is no workbook)"}
	}
	return err
}

func readSmall(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	head, _ := io.ReadAll(io.LimitReader(rc, 100))
	return string(head)
}

// pick finds the sheet asked for: by name (exactly, else ignoring case, as
// Excel does), else by 1-based position, hidden sheets too; "" is the first
// sheet not hidden, as Excel opens the workbook on it (the first sheet when
// all are hidden, which Excel does not let a workbook be).
func (b *workbook) pick(sheet string) (sheetEntry, error) {
	var found *sheetEntry
	for i := range b.sheets {
		if s := &b.sheets[i]; s.name == sheet || found == nil && strings.EqualFold(s.name, sheet) {
			found = s
		}
	}
	n, err := strconv.Atoi(sheet)
	switch {
	case found != nil:
	case sheet == "" && len(b.sheets) > 0:
		found = &b.sheets[0]
		for i := range b.sheets {
			if !b.sheets[i].hidden {
				found = &b.sheets[i]
				break
			}
		}
	case err == nil && n >= 1 && n <= len(b.sheets) && sheet[0] != '+':
		found = &b.sheets[n-1]
	case len(b.sheets) == 0:
		return sheetEntry{}, &DataError{File: b.display, Msg: "is a workbook without sheets"}
	case err == nil:
		return sheetEntry{}, &DataError{File: b.display, Msg: fmt.Sprintf("has no sheet named %q and only %d sheets: %s", sheet, len(b.sheets), b.sheetList())}
	default:
		return sheetEntry{}, &DataError{File: b.display, Msg: fmt.Sprintf("has no sheet named %q; its sheets are %s", sheet, b.sheetList())}
	}
	if found.kind != "worksheet" {
		kind := map[string]string{"chartsheet": "chart sheet", "dialogsheet": "dialog sheet"}[found.kind]
		if kind == "" {
			kind = "macro sheet"
		}
		return sheetEntry{}, &DataError{File: b.display, Msg: fmt.Sprintf("sheet %q is a %s, not a table of cells; choose another with --sheet: %s", found.name, kind, b.sheetList())}
	}
	return *found, nil
}

// hiddenBefore are the names of the hidden sheets of cells before ws (a
// hidden chart sheet is no table --sheet could read).
func (b *workbook) hiddenBefore(ws sheetEntry) []string {
	var names []string
	for _, s := range b.sheets {
		if s.name == ws.name {
			break
		}
		if s.hidden && s.kind == "worksheet" {
			names = append(names, s.name)
		}
	}
	return names
}

// hiddenNote says which sheet was read when hidden ones came before it.
func hiddenNote(read string, hidden []string) string {
	quoted := make([]string, len(hidden))
	for i, h := range hidden {
		quoted[i] = strconv.Quote(h)
	}
	if len(hidden) == 1 {
		return fmt.Sprintf("read sheet %q, the first one shown; the hidden sheet %s before it is not read (--sheet %s reads it)", read, quoted[0], hidden[0])
	}
	return fmt.Sprintf("read sheet %q, the first one shown; the hidden sheets %s before it are not read (--sheet %s reads the first)", read, strings.Join(quoted, ", "), hidden[0])
}

func (b *workbook) sheetList() string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = strconv.Quote(s.name)
		if s.hidden {
			names[i] += " (hidden)"
		}
	}
	return strings.Join(names, ", ")
}

// readSharedStrings reads the shared string table: each item is its text,
// or the text of its runs, without the phonetic guides (rPh) beneath, on
// one line (unwrap).
func (b *workbook) readSharedStrings() error {
	var text strings.Builder
	var in richText
	return b.tokens(b.strPart, func(tok xml.Token) error {
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "si" {
			text.Reset()
			in = richText{}
		} else if e, ok := tok.(xml.EndElement); ok && e.Name.Local == "si" {
			b.shared = append(b.shared, unwrap(unescapeXstring(text.String())))
		} else {
			in.take(tok, &text)
		}
		return nil
	})
}

// richText follows the text elements (t) of a string item or inline string,
// leaving out phonetic guides.
type richText struct{ inT, phonetic int }

func (r *richText) take(tok xml.Token, text *strings.Builder) {
	switch t := tok.(type) {
	case xml.StartElement:
		switch t.Name.Local {
		case "t":
			r.inT++
		case "rPh":
			r.phonetic++
		}
	case xml.EndElement:
		switch t.Name.Local {
		case "t":
			r.inT--
		case "rPh":
			r.phonetic--
		}
	case xml.CharData:
		if r.inT > 0 && r.phonetic == 0 {
			text.Write(t)
		}
	}
}
