package input

import (
	"bytes"
	"unicode/utf16"
)

// sniffBinary looks at the first bytes of a file and, when it is not text that
// could be CSV, says what it is and what to do, in one line; "" for text.
// zip is true for a zip container (an .xlsx, whatever the file's name).
func sniffBinary(head []byte) (what string, zip bool) {
	for _, m := range magics {
		if bytes.HasPrefix(head, []byte(m.magic)) {
			return m.what(head), m.zip
		}
	}
	text := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n")
	start := bytes.ToLower(text[:min(len(text), 1024)])
	has := func(s string) bool { return bytes.Contains(start, []byte(s)) }
	switch {
	case bytes.HasPrefix(start, []byte("<?xml")) && (has(`progid="excel.sheet"`) || has("urn:schemas-microsoft-com:office:spreadsheet")):
		return "is an Excel 2003 XML spreadsheet, not a CSV file; open it in Excel and save it as .xlsx or CSV (File › Save As)", false
	case bytes.HasPrefix(start, []byte("<?xml")):
		return "is an XML file, not a CSV file", false
	case bytes.HasPrefix(start, []byte("<!doctype html")) || bytes.HasPrefix(start, []byte("<html")) || bytes.HasPrefix(start, []byte("<table")):
		// What many systems export as .xls is a web page.
		return "is a web page (HTML), whatever its name says, not a CSV file; open it in Excel and save it as .xlsx or CSV (File › Save As)", false
	case bytes.IndexByte(head, 0) >= 0 && looksUTF16(head):
		return "is UTF-16 text without a byte-order mark; save it as CSV in UTF-8 or GB18030 and read that", false
	case nulBytes(head) > 2 && nulBytes(head)*512 > len(head):
		// A stray NUL or two in text is damage that the reader locates
		// by line and column; binary data is full of them.
		return "is a binary file (it holds NUL bytes), not a CSV file", false
	}
	return "", false
}

type magic struct {
	magic string
	zip   bool
	what  func(head []byte) string
}

func says(what string) func([]byte) string { return func([]byte) string { return what } }

// magics are the first bytes of the files people give a CSV reader by mistake.
var magics = []magic{
	{"PK\x03\x04", true, says("is a zip file (an .xlsx workbook?), not a CSV file")},
	{"PK\x05\x06", true, says("is an empty zip file, not a CSV file")},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", false, describeOLE2},
	{"%PDF-", false, says("is a PDF document, not a CSV file; export the table from the program that made it as CSV or .xlsx")},
	{"\x1F\x8B", false, says("is gzip-compressed, not a CSV file; decompress it first (gunzip)")},
	{"\x89PNG\r\n\x1A\n", false, says("is a PNG image, not a CSV file")},
	{"\xFF\xD8\xFF", false, says("is a JPEG image, not a CSV file")},
	{"GIF8", false, says("is a GIF image, not a CSV file")},
	{"7z\xBC\xAF\x27\x1C", false, says("is a 7-Zip archive, not a CSV file; extract it first")},
	{"Rar!\x1A\x07", false, says("is a RAR archive, not a CSV file; extract it first")},
	{"\xFF\xFE", false, says("is UTF-16 text (Excel's \"Unicode Text\"); save it as CSV in UTF-8 or GB18030 and read that")},
	{"\xFE\xFF", false, says("is UTF-16 text; save it as CSV in UTF-8 or GB18030 and read that")},
}

// describeOLE2 tells the Microsoft Office files of the compound file format
// apart by the stream names in their directory, when it is in head: an
// .xlsx with a password is one too.
func describeOLE2(head []byte) string {
	has := func(name string) bool {
		units := utf16.Encode([]rune(name))
		b := make([]byte, 0, 2*len(units))
		for _, u := range units {
			b = append(b, byte(u), byte(u>>8))
		}
		return bytes.Contains(head, b)
	}
	switch {
	case has("EncryptedPackage"):
		return "is a workbook protected by a password; open it in Excel, remove the password (File › Info › Protect Workbook) and save it as .xlsx or CSV"
	case has("WordDocument"):
		return "is a Word document (.doc), not a CSV file"
	case has("PowerPoint Document"):
		return "is a PowerPoint presentation (.ppt), not a CSV file"
	}
	return "is an Excel 97–2003 workbook (.xls); save it as .xlsx or CSV (File › Save As) and read that"
}

// looksUTF16 tells whether NUL bytes fall in every other byte, as in UTF-16
// text that is mostly ASCII.
func looksUTF16(head []byte) bool {
	var nul [2]int
	n := min(len(head), 4096) &^ 1
	for i, c := range head[:n] {
		if c == 0 {
			nul[i%2]++
		}
	}
	return n >= 8 && (nul[0] == 0 && nul[1] >= n/4 || nul[1] == 0 && nul[0] >= n/4)
}

func nulBytes(head []byte) int { return bytes.Count(head, []byte{0}) }
