package gen

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func generate(t *testing.T, o Options) [][]string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, o); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("%+v: not CSV: %v", o, err)
	}
	return rows
}

func TestSameOptionsSameBytes(t *testing.T) {
	for _, kind := range Kinds {
		o := Options{Kind: kind, Rows: 500, Groups: 7, Seed: 42, YTD: kind == "series", PV: kind == "pools"}
		var a, b, c bytes.Buffer
		for _, w := range []*bytes.Buffer{&a, &b} {
			if err := Write(w, o); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two runs with seed 42 differ", kind)
		}
		o.Seed = 43
		if err := Write(&c, o); err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(a.Bytes(), c.Bytes()) {
			t.Errorf("%s: seeds 42 and 43 give the same file", kind)
		}
	}
}

func TestHeadersAndRowCounts(t *testing.T) {
	for _, c := range []struct {
		o      Options
		header string
		rows   int // data rows
	}{
		{Options{Kind: "households", Rows: 1000, Groups: 9}, "household_id,village,members,wage_income,business_income,property_income,transfer_income,subsidy,loan", 1000},
		{Options{Kind: "pools", Rows: 1000, Groups: 9}, "village,pool", 9},
		{Options{Kind: "pools", Groups: 9, PV: true}, "village,kwh,tariff", 9},
		{Options{Kind: "series", Rows: 1000, Groups: 9}, "period,enterprise,output", 999}, // 9 × 111 months
		{Options{Kind: "series", Rows: 1000, Groups: 9, YTD: true}, "period,enterprise,output", 999},
		{Options{Kind: "projects", Rows: 100, Groups: 12}, "project,category,planned,completed", 100},
		{Options{Kind: "registry", Rows: 6}, "year,exited_households,exited_persons", 6},
		{Options{Kind: "households", Rows: 3, Groups: 5}, "household_id,village,members,wage_income,business_income,property_income,transfer_income,subsidy,loan", 3},
	} {
		rows := generate(t, c.o)
		if got := strings.Join(rows[0], ","); got != c.header {
			t.Errorf("%+v: header %s, want %s", c.o, got, c.header)
		}
		if len(rows)-1 != c.rows {
			t.Errorf("%+v: %d rows, want %d", c.o, len(rows)-1, c.rows)
		}
	}
}

func TestHouseholdsLookLikeARegistry(t *testing.T) {
	const villages = 50
	rows := generate(t, Options{Kind: "households", Rows: 20_000, Groups: villages, Seed: 7})[1:]
	ids := map[string]bool{}
	perVillage := map[string]int{}
	villageCodes := map[string]string{}
	poor := 0
	for _, r := range rows {
		id, village := r[0], r[1]
		if ids[id] {
			t.Fatalf("duplicate household id %s", id)
		}
		ids[id] = true
		if code, ok := villageCodes[village]; len(id) != 17 || !strings.HasPrefix(id, countyCode) || ok && code != id[:11] {
			t.Fatalf("id %s: not 17 digits of county, village (%s) and household", id, village)
		}
		villageCodes[village] = id[:11]
		if !strings.HasSuffix(village, "村") || utf8.RuneCountInString(village) < 3 {
			t.Fatalf("%s: village %q", id, village)
		}
		perVillage[village]++
		members, err := strconv.Atoi(r[2])
		if err != nil || members < 1 || members > 8 {
			t.Fatalf("%s: members %q", id, r[2])
		}
		var counted float64 // wage + business + property + transfer; subsidy and loan are not income
		for _, cell := range r[3:7] {
			v, err := strconv.ParseFloat(cell, 64)
			if err != nil || strings.Contains(cell, ".") && len(cell)-strings.IndexByte(cell, '.') > 3 {
				t.Fatalf("%s: amount %q", id, cell)
			}
			counted += v
		}
		if counted/float64(members) < 3335 {
			poor++
		}
	}
	if len(perVillage) != villages {
		t.Errorf("%d villages, want %d", len(perVillage), villages)
	}
	largest := 0
	for _, n := range perVillage {
		largest = max(largest, n)
	}
	if mean := len(rows) / villages; largest < 2*mean {
		t.Errorf("largest village %d households, mean %d: sizes should vary", largest, mean)
	}
	if share := float64(poor) / float64(len(rows)); share < 0.10 || share > 0.20 {
		t.Errorf("%.1f%% of households below 3335, want 10–20%%", 100*share)
	}
}

func TestPoolsNameTheHouseholdsVillages(t *testing.T) {
	pools := generate(t, Options{Kind: "pools", Groups: 4})[1:]
	for i, r := range pools {
		if r[0] != VillageName(i+1) {
			t.Errorf("pool row %d: village %s, want %s", i+1, r[0], VillageName(i+1))
		}
		if dot := strings.IndexByte(r[1], '.'); dot < 0 || len(r[1])-dot != 3 {
			t.Errorf("pool %s is not in whole fen", r[1])
		}
	}
}

func TestYearToDateSeries(t *testing.T) {
	rows := generate(t, Options{Kind: "series", Rows: 12, Groups: 1, YTD: true})[1:]
	// January is not published alone: the first year runs 1-2月 … 1-12月, then 2001年1-2月.
	if rows[0][0] != "2000年1-2月" || rows[10][0] != "2000年1-12月" || rows[11][0] != "2001年1-2月" {
		t.Errorf("labels %s, %s, %s", rows[0][0], rows[10][0], rows[11][0])
	}
	for i := 1; i < 11; i++ {
		prev, _ := strconv.ParseFloat(rows[i-1][2], 64)
		cur, _ := strconv.ParseFloat(rows[i][2], 64)
		if cur <= prev {
			t.Errorf("%s: cumulative %s does not exceed %s", rows[i][0], rows[i][2], rows[i-1][2])
		}
	}
}

func TestRegistryIsConsistent(t *testing.T) {
	for _, r := range generate(t, Options{Kind: "registry", Rows: 10})[1:] {
		households, _ := strconv.Atoi(r[1])
		persons, _ := strconv.Atoi(r[2])
		if persons < households || persons > 8*households {
			t.Errorf("%s: %d households but %d persons", r[0], households, persons)
		}
	}
}

func TestUnknownKind(t *testing.T) {
	if err := Write(&bytes.Buffer{}, Options{Kind: "villages", Rows: 1}); err == nil {
		t.Error("kind villages accepted")
	}
}

func BenchmarkHouseholds(b *testing.B) {
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, Options{Kind: "households", Rows: 100_000, Groups: 250}); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}

func TestVillageNamesAreDistinct(t *testing.T) {
	seen := map[string]int{}
	for i := 1; i <= 20_000; i++ {
		name := VillageName(i)
		if j, ok := seen[name]; ok {
			t.Fatalf("villages %d and %d are both %s", j, i, name)
		}
		seen[name] = i
	}
	if VillageName(1) != "金台村" {
		t.Errorf("village 1 is %s", VillageName(1))
	}
}
