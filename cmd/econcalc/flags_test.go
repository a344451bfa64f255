package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// demoFile is a file of testdata/demo, read in place.
func demoFile(name string) string { return filepath.Join("..", "..", "testdata", "demo", name) }

// Integer flags are read in base 10 and checked against their range before
// anything narrows them: 4294967297 was once cast to int32 and printed as
// 1 place, 010 was octal 8, and a value past int64 had no range in its
// message.
func TestIntegerFlagsAreRangeChecked(t *testing.T) {
	for _, c := range []struct {
		flag, value string
		status      int
		message     string // the whole of stderr when the status is 2
	}{
		{"--decimals", "4294967297", exitUsage, "econcalc: --decimals 4294967297: use 0 to 20\n"},
		{"--decimals", "-4294967295", exitUsage, "econcalc: --decimals -4294967295: use 0 to 20\n"},
		{"--value-decimals", "-4294967295", exitUsage, "econcalc: --value-decimals -4294967295: use 0 to 20\n"},
		{"--value-decimals", "21", exitUsage, "econcalc: --value-decimals 21: use 0 to 20\n"},
		{"--decimals", "99999999999999999999", exitUsage, "econcalc: --decimals \"99999999999999999999\": use a whole number from 0 to 20\n"},
		{"--decimals", "0x3", exitUsage, "econcalc: --decimals \"0x3\": use a whole number from 0 to 20\n"},
		{"--decimals", "1_0", exitUsage, "econcalc: --decimals \"1_0\": use a whole number from 0 to 20\n"},
		{"--decimals", "2.5", exitUsage, "econcalc: --decimals \"2.5\": use a whole number from 0 to 20\n"},
		{"--decimals", "99\n", exitUsage, "econcalc: --decimals 99: use 0 to 20\n"},
		{"--decimals", "010", exitOK, ""}, // ten places, not octal 8
		{"--decimals", "20", exitOK, ""},
		{"--skip", "4294967297", exitUsage, "econcalc: --skip 4294967297: use 0 to 1000 lines\n"},
		{"--skip-footer", "-1", exitUsage, "econcalc: --skip-footer -1: use 0 to 1000 lines\n"},
		{"--max-record-bytes", "100000000000", exitUsage, "econcalc: --max-record-bytes 100000000000: use 1 to 1073741824 bytes (1 GiB)\n"},
		{"--max-record-bytes", "9223372036854775807", exitUsage, "econcalc: --max-record-bytes 9223372036854775807: use 1 to 1073741824 bytes (1 GiB)\n"},
		{"--max-record-bytes", "1073741825", exitUsage, "econcalc: --max-record-bytes 1073741825: use 1 to 1073741824 bytes (1 GiB)\n"},
		{"--max-record-bytes", "0", exitUsage, "econcalc: --max-record-bytes 0: use 1 to 1073741824 bytes (1 GiB)\n"},
		{"--max-record-bytes", "1073741824", exitOK, ""},
	} {
		var stdout, stderr bytes.Buffer
		args := []string{"econcalc", "growth", demoFile("industries.csv"), "--group-col", "industry", "-q", c.flag + "=" + c.value}
		status := run(args, strings.NewReader(""), &stdout, &stderr)
		if status != c.status {
			t.Errorf("%s=%q: exit status %d, want %d (stderr %q)", c.flag, c.value, status, c.status, stderr.String())
			continue
		}
		if c.status == exitUsage && (stdout.Len() > 0 || stderr.String() != c.message) {
			t.Errorf("%s=%q: stdout %q, stderr %q; want nothing and %q", c.flag, c.value, stdout.String(), stderr.String(), c.message)
		}
	}
}

// The line limit is what a line may grow to, never what is set aside for
// it: --max-record-bytes 1073741824 (1 GiB) on a file of a few lines once
// allocated a buffer of 1 GiB per range of the file, and 100000000000 ran
// out of memory.
func TestMaxRecordBytesSetsNothingAside(t *testing.T) {
	for _, skip := range []string{"0", "2"} {
		input := demoFile("industries.csv")
		if skip != "0" {
			input = filepath.Join(t.TempDir(), "titled.csv")
			if err := os.WriteFile(input, []byte("产业产值\n单位：亿元\nyear,industry,output\n2016,steel,60\n2017,steel,66\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var stdout, stderr bytes.Buffer
		status := run([]string{"econcalc", "growth", input, "--group-col", "industry", "--skip", skip, "--max-record-bytes", "1073741824", "-q"},
			strings.NewReader(""), &stdout, &stderr)
		runtime.ReadMemStats(&after)
		if status != exitOK {
			t.Fatalf("--skip %s: exit status %d: %s", skip, status, stderr.String())
		}
		if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 64<<20 {
			t.Errorf("--skip %s: a run over a few lines allocated %d MiB", skip, allocated>>20)
		}
	}
}

// A line longer than the scanner's 1 MiB block grows its buffer as far as
// the limit, and no further: a group named in 3 MiB is read under an 8 MiB
// limit and refused, located, under a 2 MiB one.
func TestLinesLongerThanABlock(t *testing.T) {
	name := strings.Repeat("钢", 1<<20) // 3 MiB of UTF-8
	path := filepath.Join(t.TempDir(), "long.csv")
	data := "year,g,v\n2016," + name + ",100\n2017," + name + ",120\n2016,b,1\n2017,b,2\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	status := run([]string{"econcalc", "growth", path, "--group-col", "g", "-o", "csv", "-q", "--max-record-bytes", "8388608"}, strings.NewReader(""), &stdout, &stderr)
	// The long name: 100 ÷ 101 = 99.0%, then 120 ÷ 100 = +20.0%, 120 ÷ 122 = 98.4%,
	// 20 ÷ 101 = 19.8 pp, 20 ÷ 21 = 95.2%; b: 1 ÷ 101 = 1.0%, then +100.0%,
	// 2 ÷ 122 = 1.6%, 1 ÷ 101 = 1.0 pp, 1 ÷ 21 = 4.8%.
	want := "group,series,period,value,yoy_change,yoy_pct,share_pct,contrib_pp,contrib_pct\n" +
		name + ",v,2016,100,,,99.0,,\n" + name + ",v,2017,120,20,20.0,98.4,19.8,95.2\n" +
		"b,v,2016,1,,,1.0,,\nb,v,2017,2,1,100.0,1.6,1.0,4.8\n" +
		"total,v,2016,101,,,100.0,,\ntotal,v,2017,122,21,20.8,100.0,20.8,100.0\n"
	if status != exitOK || stdout.String() != want {
		t.Errorf("under an 8 MiB limit: exit status %d, stderr %q, stdout as wanted: %v", status, stderr.String(), stdout.String() == want)
	}
	stdout.Reset()
	stderr.Reset()
	status = run([]string{"econcalc", "growth", path, "--group-col", "g", "-q", "--max-record-bytes", "2097152"}, strings.NewReader(""), &stdout, &stderr)
	if status != exitData || stdout.Len() > 0 || !strings.Contains(stderr.String(), "long.csv:2:") {
		t.Errorf("under a 2 MiB limit: exit status %d, stdout %d bytes, stderr %q; want 1 and the line located", status, stdout.Len(), stderr.String())
	}
}
