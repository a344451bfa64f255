package input

import (
	"fmt"
	"sync"
	"testing"
)

// addAll adds ids in batches and returns the candidates the filter raised.
func addAll(f *idFilter, ids []string) []string {
	b := idBatch{filter: f}
	for _, id := range ids {
		b.add([]byte(id))
	}
	b.flush()
	return b.candidates
}

func registryIDs(n int, prefix string) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("%sV%05d-%06d", prefix, i/400+1, i%400+1)
	}
	return ids
}

// TestIDFilterNeverMisses: every id added a second time is a candidate.
func TestIDFilterNeverMisses(t *testing.T) {
	ids := registryIDs(50_000, "")
	f := newIDFilter(int64(len(ids)) * 50)
	if c := addAll(f, ids); len(c) > 2 {
		t.Fatalf("%d candidates among distinct ids", len(c))
	}
	again := addAll(f, ids)
	if len(again) != len(ids) {
		t.Fatalf("%d of %d ids seen before were raised", len(again), len(ids))
	}
}

// TestIDFilterFalsePositives: two million distinct registry ids in the
// full-size filter raise (almost) no candidate, so the second look at the
// input is rare. The expected count is about 0.01; three or more has a
// chance of about one in ten million.
func TestIDFilterFalsePositives(t *testing.T) {
	if testing.Short() {
		t.Skip("two million ids")
	}
	ids := registryIDs(2_000_000, "")
	f := newIDFilter(100 << 20)
	if len(f.words) != 0 {
		t.Fatalf("a filter with no id added holds %d words", len(f.words))
	}
	f.ready()
	if len(f.words) != maxFilterBlocks*8 {
		t.Fatalf("a 100 MB input got %d words, want the full %d", len(f.words), maxFilterBlocks*8)
	}
	if c := addAll(f, ids); len(c) > 2 {
		t.Fatalf("%d false candidates among 2,000,000 distinct ids: %q", len(c), c[:min(len(c), 5)])
	}
}

// TestIDFilterConcurrentDuplicates: two workers adding the same ids at the
// same time (as two ranges of a file with duplicated rows do) never both
// miss an id: each id is raised as a candidate by one of them at least.
func TestIDFilterConcurrentDuplicates(t *testing.T) {
	ids := registryIDs(100_000, "dup")
	f := newIDFilter(int64(len(ids)) * 50)
	var raised [2][]string
	var wg sync.WaitGroup
	for w := range raised {
		wg.Add(1)
		go func() {
			defer wg.Done()
			raised[w] = addAll(f, ids)
		}()
	}
	wg.Wait()
	got := map[string]bool{}
	for _, c := range raised {
		for _, id := range c {
			got[id] = true
		}
	}
	for _, id := range ids {
		if !got[id] {
			t.Fatalf("%q was added twice and raised by neither worker", id)
		}
	}
}

// BenchmarkIDFilter adds two million registry ids to a full-size filter.
func BenchmarkIDFilter(b *testing.B) {
	ids := registryIDs(2_000_000, "")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		addAll(newIDFilter(100<<20), ids)
	}
}
