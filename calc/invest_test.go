package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestInvest checks completion, time progress, lead and status against hand
// arithmetic. Amounts in 万元.
func TestInvest(t *testing.T) {
	for _, c := range []struct {
		completed, planned string
		month              int
		completion, lead   string // rounded to one decimal; "" when undefined
		status             string
	}{
		// 72000 ÷ 80000 = 90.0%; 90 − 10/12·100 = 90 − 83.33… = 6.67 → 6.7
		{"72000", "80000", 10, "90.0", "6.7", "ahead"},
		// 38000 ÷ 50000 = 76.0%; 76 − 83.33… = −7.33 → −7.3
		{"38000", "50000", 10, "76.0", "-7.3", "behind"},
		// 16670 ÷ 20000 = 83.35% → 83.4, time progress 83.33… → 83.3, but the
		// lead is 83.35 − 83.333… = 0.0166… → 0.0, not 83.4 − 83.3 = 0.1.
		{"16670", "20000", 10, "83.4", "0.0", "ahead"},
		// exactly at time progress: 10000 ÷ 12000 = 83.33…%, lead 0 → ahead
		{"10000", "12000", 10, "83.3", "0.0", "ahead"},
		// 9999 ÷ 12000 = 83.325% < 83.33…: behind, lead −0.008 → −0.0
		{"9999", "12000", 10, "83.3", "0.0", "behind"},
		// the plan met: done, whatever the month
		{"50000", "50000", 3, "100.0", "75.0", "done"},
		{"60000", "50000", 12, "120.0", "20.0", "done"},
		// without --as-of only "done" is known
		{"100", "200", 0, "50.0", "", ""},
		// a plan of zero has no completion, lead or status
		{"100", "0", 10, "", "", ""},
	} {
		completion, ok := Completion(dec(c.completed), dec(c.planned))
		if got := fixed1(completion, ok); got != c.completion {
			t.Errorf("Completion(%s, %s) = %q, want %q", c.completed, c.planned, got, c.completion)
		}
		if c.month > 0 {
			lead, ok := Lead(dec(c.completed), dec(c.planned), c.month)
			if got := fixed1(lead, ok); got != c.lead {
				t.Errorf("Lead(%s, %s, %d) = %q, want %q", c.completed, c.planned, c.month, got, c.lead)
			}
		}
		if got := ProjectStatus(dec(c.completed), dec(c.planned), c.month); got != c.status {
			t.Errorf("ProjectStatus(%s, %s, %d) = %q, want %q", c.completed, c.planned, c.month, got, c.status)
		}
	}
	// 10 ÷ 12 × 100 = 83.33…; 3 ÷ 12 × 100 = 25
	if got := TimeProgress(10).StringFixed(1); got != "83.3" {
		t.Errorf("TimeProgress(10) = %s, want 83.3", got)
	}
	if got := TimeProgress(3); !got.Equal(dec("25")) {
		t.Errorf("TimeProgress(3) = %s, want 25", got)
	}
}

// TestInvestTally: the reference report's 82 projects completed 380,000 万元,
// of which the city-level campaign projects 309,000: a share of
// 309000 ÷ 380000 = 81.31…% → 81.3.
func TestInvestTally(t *testing.T) {
	var campaign, all InvestTally
	for _, p := range []struct{ planned, completed, status string }{
		{"200000", "160000", "behind"}, {"160000", "149000", "ahead"},
	} {
		campaign.Add(dec(p.planned), dec(p.completed), p.status)
		all.Add(dec(p.planned), dec(p.completed), p.status)
	}
	all.Add(dec("90000"), dec("71000"), "behind")
	if campaign.Projects != 2 || campaign.Behind != 1 || !campaign.Completed.Equal(dec("309000")) {
		t.Errorf("campaign tally = %+v", campaign)
	}
	if all.Projects != 3 || all.Behind != 2 || !all.Completed.Equal(dec("380000")) || !all.Planned.Equal(dec("450000")) {
		t.Errorf("all tally = %+v", all)
	}
	share, ok := Percent(campaign.Completed, all.Completed)
	if got := fixed1(share, ok); got != "81.3" {
		t.Errorf("share = %q, want 81.3", got)
	}
}

// fixed1 prints a figure rounded half-up to one decimal, or "" when undefined.
func fixed1(d decimal.Decimal, ok bool) string {
	if !ok {
		return ""
	}
	return d.StringFixed(1)
}
