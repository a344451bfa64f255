package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeExamples runs every "$ econcalc …" line in the README's console
// blocks from the repository root and compares what it prints (stderr, then
// stdout, as a terminal shows them) with the rest of the block. With -update
// the blocks are rewritten from the program's output.
func TestReadmeExamples(t *testing.T) {
	readme := filepath.Join("..", "..", "README.md")
	text, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join("..", ".."))
	lines := strings.SplitAfter(string(text), "\n")
	var out strings.Builder
	examples := 0
	for i := 0; i < len(lines); i++ {
		out.WriteString(lines[i])
		if strings.TrimSpace(lines[i]) != "```console" || i+1 >= len(lines) {
			continue
		}
		command := strings.TrimSpace(lines[i+1])
		if !strings.HasPrefix(command, "$ econcalc ") {
			t.Errorf("README line %d: a console block must start with \"$ econcalc ...\"", i+2)
			continue
		}
		out.WriteString(lines[i+1])
		end := i + 2
		for end < len(lines) && strings.TrimSpace(lines[end]) != "```" {
			end++
		}
		want := strings.Join(lines[i+2:end], "")
		var stdout, stderr bytes.Buffer
		run(strings.Fields(strings.TrimPrefix(command, "$ ")), strings.NewReader(""), &stdout, &stderr)
		got := stderr.String() + stdout.String()
		if got != want && !*update {
			t.Errorf("README line %d: %s\n--- README says\n%s--- econcalc prints\n%s", i+2, command, want, got)
		}
		out.WriteString(got)
		examples++
		i = end - 1
	}
	if examples == 0 {
		t.Fatal("no console examples found in README.md")
	}
	if *update {
		if err := os.WriteFile("README.md", []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
