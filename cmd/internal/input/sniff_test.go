package input

import (
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func utf16LE(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// ole2 is the start of a compound file whose directory names streams.
func ole2(streams ...string) []byte {
	b := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 504)...)
	for _, s := range streams {
		b = append(b, utf16LE(s, false)...)
		b = append(b, make([]byte, 64)...)
	}
	return b
}

func TestSniffBinary(t *testing.T) {
	xlsx, err := os.ReadFile(demo + "报表.xlsx")
	check(t, err)
	csvText, err := os.ReadFile(demo + "output_ytd.csv")
	check(t, err)
	gb18030, err := simplifiedchinese.GB18030.NewEncoder().Bytes(csvText)
	check(t, err)
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(csvText)
	w.Close()

	for _, c := range []struct {
		name string
		head []byte
		want string // a part of the description; "" for text
		zip  bool
	}{
		{"an .xlsx workbook", xlsx[:512], "is a zip file", true},
		{"an empty zip", []byte("PK\x05\x06" + strings.Repeat("\x00", 18)), "is an empty zip file", true},
		{"an .xls workbook", ole2("Workbook", "SummaryInformation"), "is an Excel 97–2003 workbook (.xls); save it as .xlsx or CSV (File › Save As) and read that", false},
		{"an .xlsx with a password", ole2("EncryptionInfo", "EncryptedPackage"), "is a workbook protected by a password", false},
		{"a Word document", ole2("WordDocument"), "is a Word document (.doc)", false},
		{"a PDF", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "is a PDF document, not a CSV file", false},
		{"gzip", gz.Bytes(), "is gzip-compressed, not a CSV file", false},
		{"a PNG image", []byte("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR"), "is a PNG image, not a CSV file", false},
		{"a JPEG image", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"), "is a JPEG image, not a CSV file", false},
		{"UTF-16LE with its mark", utf16LE("时间,值\r\n2017-10,1\r\n", true), "is UTF-16 text (Excel's \"Unicode Text\"); save it as CSV in UTF-8 or GB18030 and read that", false},
		{"UTF-16BE with its mark", []byte("\xFE\xFF\x00t\x00i\x00m\x00e"), "is UTF-16 text; save it as CSV in UTF-8 or GB18030", false},
		{"UTF-16LE without a mark", utf16LE("period,value\n2017-10,120.2\n", false), "is UTF-16 text without a byte-order mark", false},
		{"other binary data", []byte("\x7FELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00"), "is a binary file (it holds NUL bytes), not a CSV file", false},
		// A stray NUL in text is left to the reader, which names its line.
		{"text with a stray NUL", []byte("indicator,value,rate\na,1,2\nb,\x00,3\n" + strings.Repeat("c,1,2\n", 100)), "", false},
		{"a web page named .xls", []byte("\uFEFF\r\n<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">\n<table>"), "is a web page (HTML)", false},
		{"an Excel 2003 XML spreadsheet", []byte("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook>"), "is an Excel 2003 XML spreadsheet", false},
		{"other XML", []byte("<?xml version=\"1.0\"?><data/>"), "is an XML file, not a CSV file", false},
		{"UTF-8 CSV", csvText, "", false},
		{"UTF-8 CSV with its mark", append([]byte("\uFEFF"), csvText...), "", false},
		{"GB18030 CSV", gb18030, "", false},
		{"a CSV whose first cell starts with <", []byte("<5,下限\n1,2\n"), "", false},
		{"nothing", nil, "", false},
	} {
		what, zip := sniffBinary(c.head)
		if zip != c.zip || c.want == "" && what != "" || !strings.Contains(what, c.want) {
			t.Errorf("%s: %q, zip %v; want %q, zip %v", c.name, what, zip, c.want, c.zip)
		}
		if strings.Contains(what, "\n") {
			t.Errorf("%s: %q is more than one line", c.name, what)
		}
	}
}
