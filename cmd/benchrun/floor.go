package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
)

// The floor is issue 17's yardstick for the poverty summary: the least work
// that computes its sums, so that econcalc's time is measured as a ratio to
// it in the same run rather than remembered. It knows the generated layout
// (household_id, village, members, four counted incomes, subsidy, loan),
// splits lines and fields, parses members and amounts to int64 fen, and adds
// them up per village on 2 goroutines, one per half of the file. It checks
// nothing: no quotes, no bad numbers, no repeated ids, no overflow.

// villageSums are one village's figures as the floor computes them.
type villageSums struct {
	households, persons int64
	incomeFen           int64 // counted income (wage, business, property, transfer) in fen
}

// floorSummary returns the per-village sums of a generated households file.
func floorSummary(path string) (map[string]*villageSums, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	split, err := lineStartFrom(f, st.Size()/2)
	if err != nil {
		return nil, err
	}
	type half struct {
		sums map[string]*villageSums
		err  error
	}
	second := make(chan half, 1)
	go func() {
		sums, err := floorHalf(io.NewSectionReader(f, split, st.Size()-split), false)
		second <- half{sums, err}
	}()
	sums, err := floorHalf(io.NewSectionReader(f, 0, split), true)
	other := <-second
	if err == nil {
		err = other.err
	}
	if err != nil {
		return nil, err
	}
	for name, o := range other.sums {
		s := sums[name]
		if s == nil {
			sums[name] = o
			continue
		}
		s.households += o.households
		s.persons += o.persons
		s.incomeFen += o.incomeFen
	}
	return sums, nil
}

// lineStartFrom is the offset of the first line that starts at or after
// off (the file's size when none does).
func lineStartFrom(f *os.File, off int64) (int64, error) {
	if off == 0 {
		return 0, nil
	}
	buf := make([]byte, 64<<10)
	for pos := off - 1; ; pos += int64(len(buf)) {
		n, err := f.ReadAt(buf, pos)
		if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
			return pos + int64(i) + 1, nil
		}
		if err == io.EOF {
			return pos + int64(n), nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// floorHalf sums the lines of r, passing over the first when it is the header.
func floorHalf(r io.Reader, header bool) (map[string]*villageSums, error) {
	sums := map[string]*villageSums{}
	var lastName string
	var last *villageSums
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		line, err := br.ReadSlice('\n')
		if err != nil && err != io.EOF {
			return nil, err
		}
		if header {
			header = false
		} else if len(line) > 1 {
			id := bytes.IndexByte(line, ',')
			rest := line[id+1:]
			v := bytes.IndexByte(rest, ',')
			village := rest[:v]
			rest = rest[v+1:]
			// Villages come in runs in a sorted registry; the map is for the rest.
			if last == nil || string(village) != lastName {
				s := sums[string(village)] // no allocation for a lookup
				if s == nil {
					s = &villageSums{}
					sums[string(village)] = s
				}
				last, lastName = s, string(village)
			}
			members, rest := parseFen(rest)
			var income int64
			for range 4 {
				var fen int64
				fen, rest = parseFen(rest)
				income += fen
			}
			last.households++
			last.persons += members / 100
			last.incomeFen += income
		}
		if err == io.EOF {
			return sums, nil
		}
	}
}

// parseFen reads the number at the start of b, up to a comma or the line's
// end, as hundredths, and returns the rest after the comma.
func parseFen(b []byte) (int64, []byte) {
	var n int64
	neg := false
	i := 0
	if i < len(b) && b[i] == '-' {
		neg = true
		i++
	}
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		n = n*10 + int64(b[i]-'0')
	}
	n *= 100
	if i < len(b) && b[i] == '.' {
		i++
		scale := int64(10)
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			n += int64(b[i]-'0') * scale
			scale /= 10
		}
	}
	if neg {
		n = -n
	}
	for i < len(b) && b[i] != ',' {
		i++
	}
	if i < len(b) {
		i++
	}
	return n, b[i:]
}
