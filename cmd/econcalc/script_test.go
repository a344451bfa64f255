package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/thedatashed/xlsxreader"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"econcalc": main})
}

// TestScripts runs the CLI golden tests: each testdata/script/*.txtar runs
// econcalc and compares stdout and stderr with the files it holds. The demo
// data is copied into each script's work directory as demo/.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("..", "..", "testdata", "script"),
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			return copyDir(filepath.Join("..", "..", "testdata", "demo"), filepath.Join(env.WorkDir, "demo"))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"gb18030":    gb18030Cmd,
			"exitcode":   exitcodeCmd,
			"hugefield":  hugefieldCmd,
			"bytes":      bytesCmd,
			"households": householdsCmd,
			"xlsx":       xlsxCmd,
			"files":      filesCmd,
		},
	})
}

// gb18030Cmd re-encodes a UTF-8 file as GB18030, as Excel on Chinese Windows
// saves it: gb18030 in.csv out.csv.
func gb18030Cmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: gb18030 in out")
	}
	text := ts.ReadFile(args[0])
	encoded, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	ts.Check(err)
	if encoded == text {
		ts.Fatalf("%s has no characters that GB18030 encodes differently", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(encoded), 0o644))
}

// exitcodeCmd runs econcalc and checks its exit status, which exec only
// tells apart as zero or not: exitcode 2 econcalc growth --bogus. Its output
// is then checked with the stdout and stderr commands.
func exitcodeCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || args[1] != "econcalc" {
		ts.Fatalf("usage: exitcode N econcalc [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	bin := ""
	for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(dir, "econcalc")); err == nil {
			bin = filepath.Join(dir, "econcalc")
			break
		}
	}
	if bin == "" {
		ts.Fatalf("econcalc is not on the script's PATH")
	}
	cmd := exec.Command(bin, args[2:]...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = os.Environ()
	cmd.Stdout, cmd.Stderr = ts.Stdout(), ts.Stderr()
	err = cmd.Run()
	got := 0
	if ee, ok := err.(*exec.ExitError); ok {
		got = ee.ExitCode()
	} else {
		ts.Check(err)
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// hugefieldCmd writes a CSV whose second row holds one quoted field of n
// bytes: hugefield file n.
func hugefieldCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: hugefield file bytes")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	text := "indicator,value,rate\n\"" + strings.Repeat("x", n) + "\",1,2\n"
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(text), 0o644))
}

// bytesCmd writes bytes that a script cannot hold as text (a CR, a NUL,
// bytes that are no UTF-8), given with a Go string's escapes, quotes as
// they are: bytes file '"a",b\r\x81\x20'. With -append it adds them to the
// file's end.
func bytesCmd(ts *testscript.TestScript, neg bool, args []string) {
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if len(args) > 0 && args[0] == "-append" {
		flags, args = os.O_WRONLY|os.O_CREATE|os.O_APPEND, args[1:]
	}
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bytes [-append] file 'escaped text'")
	}
	text, err := strconv.Unquote(`"` + strings.ReplaceAll(args[1], `"`, `\"`) + `"`)
	ts.Check(err)
	f, err := os.OpenFile(ts.MkAbs(args[0]), flags, 0o644)
	ts.Check(err)
	_, err = f.WriteString(text)
	ts.Check(err)
	ts.Check(f.Close())
}

// householdsCmd writes a households file of n rows (householdsCSV), with
// an address column of pad bytes when pad is given: households file n [pad].
func householdsCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: households file rows [pad]")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	pad := 0
	if len(args) == 3 {
		pad, err = strconv.Atoi(args[2])
		ts.Check(err)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), householdsCSV(n, pad), 0o644))
}

// xlsxCmd prints a workbook as another library, xlsxreader, reads it: each
// sheet's name, then its rows, a line each, text quoted, numbers as stored,
// an empty cell as _: xlsx out.xlsx.
func xlsxCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: xlsx file")
	}
	book, err := xlsxreader.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer book.Close()
	for _, sheet := range book.Sheets {
		fmt.Fprintf(ts.Stdout(), "sheet %s\n", sheet)
		for row := range book.ReadRows(sheet) {
			ts.Check(row.Error)
			var cells []string
			for _, c := range row.Cells {
				for len(cells) < c.ColumnIndex() {
					cells = append(cells, "_")
				}
				if c.Type == xlsxreader.TypeNumerical {
					cells = append(cells, c.Value)
				} else {
					cells = append(cells, strconv.Quote(c.Value))
				}
			}
			fmt.Fprintf(ts.Stdout(), "%d: %s\n", row.Index, strings.Join(cells, " "))
		}
	}
}

// filesCmd prints the names in a folder, hidden ones too, a line each:
// files out.
func filesCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: files dir")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	for _, e := range entries {
		fmt.Fprintln(ts.Stdout(), e.Name())
	}
}

func copyDir(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
