// Package gen writes deterministic synthetic inputs for econcalc's commands:
// household registries, village dividend pools, enterprise output series,
// project lists and registry rolls. The same Options give the same bytes on
// a given Go version and architecture (the figures pass through math.Exp,
// whose last bit may differ between platforms).
package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Kinds lists the inputs Write can generate, in the order help shows them.
var Kinds = []string{"households", "pools", "series", "projects", "registry"}

// Options choose what to generate.
type Options struct {
	Kind   string
	Rows   int    // households, output rows, projects or years
	Groups int    // villages, enterprises or categories; 0 means the kind's default
	Seed   uint64 // the same seed gives the same file
	PV     bool   // pools: village,kwh,tariff (photovoltaic income) instead of village,pool
	YTD    bool   // series: year-to-date cumulative values with labels like 2017年1-10月
}

// seedStream separates this generator's PCG stream from other users of the
// same seed; changing it changes every generated file.
const seedStream = 0x6563_6f6e_6361_6c63 // "econcalc"

// Check reports options that describe no input: an unknown kind, or a
// negative count.
func (o Options) Check() error {
	if !slices.Contains(Kinds, o.Kind) {
		return fmt.Errorf("unknown kind %q (use one of %v)", o.Kind, Kinds)
	}
	if o.Rows < 0 || o.Groups < 0 {
		return fmt.Errorf("rows and groups cannot be negative")
	}
	return nil
}

// Write generates the input o describes as CSV on w.
func Write(w io.Writer, o Options) error {
	if err := o.Check(); err != nil {
		return err
	}
	if o.Groups == 0 {
		o.Groups = DefaultGroups(o.Kind, o.Rows)
	}
	g := &generator{
		rng: rand.New(rand.NewPCG(o.Seed, seedStream)),
		w:   bufio.NewWriterSize(w, 1<<16),
	}
	switch o.Kind {
	case "households":
		g.households(o.Rows, o.Groups)
	case "pools":
		g.pools(o.Groups, o.PV)
	case "series":
		g.series(o.Rows, o.Groups, o.YTD)
	case "projects":
		g.projects(o.Rows, o.Groups)
	case "registry":
		g.registry(o.Rows)
	}
	return g.w.Flush()
}

// DefaultGroups is the number of groups used when Options.Groups is 0: about
// 400 households a village (as in the 2,000,000 × 5,000 reference file), ten
// enterprises, eight project categories.
func DefaultGroups(kind string, rows int) int {
	switch kind {
	case "households", "pools":
		return max(1, rows/400)
	case "series":
		return 10
	case "projects":
		return 8
	}
	return 1
}

// VillageName is the name of village i (from 1), shared by households and
// pools: two characters and 村, as in 金台村, distinct for every i (after
// the first 70 × 70, with a number before 村).
func VillageName(i int) string {
	n := len(placeChars)
	k := i - 1
	name := placeChars[k%n] + placeChars[(k%n+k/n+1)%n] // 金台, 台罗 …: one pair each

	if round := k / (n * n); round > 0 {
		name += strconv.Itoa(round + 1)
	}
	return name + "村"
}

// placeChars are 70 distinct characters of Hunan place names.
var placeChars = strings.Split("金台罗建石桥枫林杨柳青山水口花园新田龙泉白沙黄土双江长塘高岭太平大坪上湾下洞东岗西冲南北湖茶竹梅溪荷叶桃源凤凰文昌永安富民和兴隆清风胜利团结", "")

// generator holds the random stream and the output; row is a scratch buffer
// reused for every line so that millions of rows cost no allocations.
type generator struct {
	rng *rand.Rand
	w   *bufio.Writer
	row []byte
}

// endRow writes the row built in g.row and starts the next one. bufio.Writer
// keeps the first error and Flush reports it.
func (g *generator) endRow() {
	g.row = append(g.row, '\n')
	g.w.Write(g.row)
	g.row = g.row[:0]
}

// field appends a comma unless the row is empty, then s.
func (g *generator) field(s string) {
	g.sep()
	g.row = append(g.row, s...)
}

func (g *generator) sep() {
	if len(g.row) > 0 {
		g.row = append(g.row, ',')
	}
}

func (g *generator) header(names ...string) {
	for _, n := range names {
		g.field(n)
	}
	g.endRow()
}

// WriteFile generates the input o describes into the file at path.
func WriteFile(path string, o Options) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := Write(f, o); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
