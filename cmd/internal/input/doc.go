// Package input is where econcalc's rows come from: files and standard
// input, encodings, the two row sources, header matching, number parsing
// and located errors. Commands never open a file themselves.
//
// # Sources
//
// Open reads the header of the first file with the RFC 4180 reader and
// checks it (every column named, none twice); later files must share it,
// and each file's rows are held to its own header's width (the empty cells
// Excel leaves after the names are one file's, not another's).
// The header is the first row below Options.Skip lines; empty header cells
// after the last name are no columns; a delimiter not given is a comma, or
// a tab when the header is one field holding tabs. A header's unit in
// brackets (本期（万元）) is not part of its name for matching (Index); Unit
// gives it, or the unit a skipped title line gives (单位：万元, tableunit.go),
// and never a note (累计完成（含续建）). What a unit means, and how amounts
// move between units, is package calc's (UnitScales); a header cell wrapped
// onto two lines is one name (unwrap).
//
// Only a regular file is read in place. Anything else is read once, as a
// stream, and held (readahead.go, stdin.go), so that it can be read in
// parallel and a second time: standard input, a named pipe, /dev/stdin,
// and an .xlsx sheet, which convertWorkbook (workbook.go) writes as CSV
// with one line per sheet row, so that line numbers are the sheet's rows.
// A stream is held as far as it is read: Open reads its first block, which
// must be text (sniffBinary refuses what is not, saying what it is) in the
// encoding chosen, and its header; the command checks its columns; only
// then does Fold read the rest, checked as it comes (spoolcheck.go), so
// that reading stops a chunk after a NUL byte or a record over the limit,
// and the reader names it. What is held stays in memory up to 8 MiB, beyond
// that in a temporary file removed from its folder at once, so nothing is
// left behind however the run ends. When the temporary folder cannot be
// used (missing, full), up to 64 MiB is held in memory and the rest is read
// once, in order, by the RFC 4180 reader, with a warning (SetWarnings);
// only a second reading of such input is refused.
//
// Encoding: UTF-8 with or without a byte-order mark, or GB18030, which
// auto mode picks when the first 64 KiB are not valid UTF-8 (what Excel
// writes on Chinese Windows). Where they read both ways, every character
// past ASCII two bytes that are a GB2312 hanzi in GB18030 too (石山 reads
// ʯɽ as UTF-8), how the characters stand decides (encoding.go,
// encoding_later.go): words of them (石山) are GB18030, with a warning
// naming both readings and --encoding utf-8; accented letters inside Latin
// words (Zürich) UTF-8; both at once are refused; and the text after the
// 64 KiB must agree, or the file is refused at the first run that points
// the other way, by line and column, for --encoding to say which. Bytes
// that are no character are an error in either, named by line and byte
// column.
//
// A record (a row) may be at most Options.MaxRecord bytes as written, its
// line breaks inside quotes included: the limit is on what a row holds in
// memory, not on its lines.
//
// Rows below the table are held back by Options.SkipFooter (records,
// footer.go); a row that reads like a note (注：…, 资料来源…) and is not
// held back is an error that says how many to skip. A lookup file beside
// the input (Options.Lookup: --pools, --population, --deflator), which
// those flags do not reach, finds its own header below title lines and
// ends its table at notes and signature lines (lookup.go); it is always
// read by the RFC 4180 reader. Nor do the input's encoding and delimiter
// reach it: it is read in its own encoding and split by its own comma or
// tab, and Options.Encoding and Options.Delimiter only settle what its
// bytes leave open (bytes that read both ways, a header neither splits).
//
// # Two row sources, one Fold
//
// A command reads a large input with Fold: it gives a function that makes
// an empty part, one that adds a row to a part, and one that merges parts
// in input order. Its logic is written once; the rows reach it from one of
// two sources:
//
//   - The plain scanner reads plain CSV (UTF-8 or GB18030, no quote
//     character, a one-byte delimiter, no NUL, LF or CRLF line ends) from
//     1 MiB blocks of a regular file or the spooled standard input, in one
//     range per core cut at line ends (files of 8 MiB and more). Rows and
//     fields are split in one pass, eight bytes at a time (splitRow), UTF-8
//     is checked eight bytes at a time between characters (validUTF8), and
//     each row is handed over as byte slices. GB18030 is decoded block by
//     block: the byte 0x0A never occurs inside a GB18030 character, so
//     whole lines decode on their own and line numbers stay the same; a
//     block whose decoding holds U+FFFD that the bytes do not encode goes
//     to the RFC 4180 reader, which names the bytes.
//   - The RFC 4180 reader (encoding/csv behind a guard, guard.go, that
//     reads the bytes as written before they are decoded: it refuses NUL
//     bytes, records over the limit and GB18030 that is no character, and
//     reads a lone CR outside quotes as a line end, while a CR inside a
//     quoted field stays the field's) reads everything else, in input
//     order, and names every problem with its file, line and byte column.
//     A GB18030 character has no byte below 0x30 but its first, so line
//     ends, quotes and NULs are found in the bytes as written.
//
// Fold tries the plain scanner first. Whatever it does not expect (a
// quote, a ragged row, an error from the command's merge) sends Fold back
// to the start with the RFC 4180 reader, in order, into one part: so an
// error is always the first in input order, found by the same command code
// that reads a good row, and the plain scanner changes how quickly econcalc
// answers, never what it answers. FuzzRowSources holds the two sources to
// each other row for row. For a source with an id column (Source.Unique,
// whose commands check each row on its own), a bad cell or a repeated id
// is named from the parallel pass itself: the first range that stopped
// holds the first error, its line corrected once the ranges before it are
// counted, and for a repeat the range is read again up to that row, so
// that the part stands as the in-order pass would leave it
// (TestErrorsDeepInABigFile).
//
// A row read in a parallel range learns its line number once the ranges
// before it are counted: Row.Pos is for messages printed after Fold.
//
// A command that reads only the first columns says so (Source.ReadsUpTo):
// the plain scanner then splits a row only as far as them, counts the
// delimiters in the rest (bytes.Count) so that a row of the wrong width
// still goes to the RFC 4180 reader, and splits a row whole only when its
// shape is in doubt (a blank last cell: a note or a blank row). A second
// reading of rows already read and checked (Source.Again, dividend's
// payout) splits only as far as its columns and checks no text again.
//
// # Numbers
//
// Row.Amount parses a cell once into a calc.Num: int64 fixed point in
// units of 10^-4 (parseFixed, a few nanoseconds) when it fits, else a
// decimal (ParseNumber: thousands separators, up to 30 digits, a percent
// sign where a rate is read, full-width digits and signs and the Unicode
// minus). FuzzParseFixed holds the first to the second.
//
// # Repeated ids
//
// A column declared with Source.Unique is checked with Row.Unique.
// Registries are exported sorted by id, so in the parallel pass a range
// whose ids ascend (byte order) keeps only its first and last
// (sortedids.go): if every range ascends and each ends below the next one's
// start, no id repeats, for nothing. From the first id out of order, a
// range puts its ids into a blocked Bloom filter (idFilter): as many bytes
// as the input, rounded up to a power of two, from 64 KiB to at most
// 16 MiB, so memory stays flat; an id sets two bits in each word of one
// 64-byte block, so an add costs one cache miss. A "maybe seen" is settled
// by a second look that reads only what it must (the ids after each break,
// or the runs whose span overlaps others), and a repeat is named by reading
// again only the lines of the candidate ids. Among two million distinct
// unsorted ids about one run in a hundred raises a false alarm
// (TestIDFilterFalsePositives).
//
// # Progress
//
// On a terminal, a run that reads for more than two seconds shows how much
// of the input it has read on stderr, and clears the line when done.
package input
