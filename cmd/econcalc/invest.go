package main

import (
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
	"github.com/urfave/cli/v2"
)

const investDescription = `Key projects (重点项目) against their annual plan and the calendar: each project's
completion (完成率 = completed ÷ planned × 100), the time progress (时间进度 = month ÷ 12 ×
100; October is 83.3) and the lead over it (超/落后时序进度, percentage points), formed
from exact values as one quotient: never the difference of two rounded percentages.

Columns: project (项目, 项目名称), category (类别, 分类, 项目类别; optional: without it
the output has no category column), planned
(年度计划, 计划投资), completed (累计完成, 完成投资, 累计完成投资, 已完成; after the period
they run to too: 1-9月累计完成, 9月止累计完成). Amounts in any unit (万元 is usual); both
are required, completed may not be negative.

--as-of PERIOD (2017-10, 2017年10月, 2017年1-10月, 2017-Q3 for September): the month the
figures run to. Without it the time-progress columns are left out and status is only
"done" or empty.

Output keys: project, category, planned, completed, completion_pct, time_progress_pct,
lead_pp, status (done, ahead or behind), then a total row. --by category: category,
projects, planned, completed, completion_pct, time_progress_pct (the same for every
category), lead_pp, share_pct (share of all completed investment), behind (projects
behind), then total. --sort lead: furthest behind first. --share-rounding largest-remainder:
the categories' shares add to exactly 100 as printed, as a published structure does
(19.5 : 34.6 : 45.9 where each rounded half up gives 19.6 : 34.6 : 45.9); ties go to the
category met first.

Examples:
   econcalc invest testdata/demo/projects.csv --as-of 2017-10
   econcalc invest testdata/demo/projects.csv --as-of 2017年1-10月 --by category
   econcalc invest testdata/demo/projects.csv --as-of 2017-10 --sort lead --format csv
   econcalc invest testdata/demo/industry_projects.csv --by category --share-rounding largest-remainder`

var (
	projectColumn   = input.Column{Key: "project", Aliases: []string{"项目", "项目名称"}, Flag: "project-col"}
	categoryColumn  = input.Column{Key: "category", Aliases: []string{"类别", "分类", "项目类别"}, Flag: "category-col"}
	plannedColumn   = input.Column{Key: "planned", Aliases: []string{"年度计划", "计划投资", "plan"}, Flag: "planned-col"}
	completedColumn = input.Column{Key: "completed", Aliases: []string{"累计完成", "完成投资", "累计完成投资", "已完成"}, Flag: "completed-col"}
)

type investOptions struct {
	in          input.Options
	out         report.Options
	cols        [4]string // overrides: project, category, planned, completed
	year, month int       // of --as-of; month 1–12, 0 without it
	byCategory  bool
	hasCategory bool      // the input has a category column
	units       [2]string // of the planned and completed columns, as their headers give them
	places      [2]int32  // the most decimals a planned and a completed amount is written with
	totals      totalsOptions
	shares      report.ShareRounding // of share_pct, with --by category
}

func investCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "invest",
		Usage:       "key-project investment against plan and time progress (完成率, 时间进度)",
		UsageText:   "econcalc invest [options] [FILE...]",
		Description: investDescription,
		Flags: withIOFlags(append([]cli.Flag{
			&cli.StringFlag{Name: "as-of", Usage: "the month the figures run to: 2017-10, 2017年10月, 2017年1-10月"},
			&cli.StringFlag{Name: "by", Usage: "category: one row per category instead of per project"},
			&cli.StringFlag{Name: "project-col", Usage: "name of the project column"},
			&cli.StringFlag{Name: "category-col", Usage: "name of the category column"},
			&cli.StringFlag{Name: "planned-col", Usage: "name of the annual plan column"},
			&cli.StringFlag{Name: "completed-col", Usage: "name of the completed-so-far column"},
			shareRoundingFlag(),
		}, totalsFlags()...)...),
		Action: func(c *cli.Context) error {
			in, out, err := ioFrom(c)
			if err != nil {
				return err
			}
			opts := investOptions{in: in, out: out, totals: totalsFrom(c), cols: [4]string{
				c.String("project-col"), c.String("category-col"), c.String("planned-col"), c.String("completed-col")}}
			if opts.year, opts.month, err = asOfMonth(c.String("as-of")); err != nil {
				return err
			}
			if opts.shares, err = shareRoundingFrom(c); err != nil {
				return err
			}
			switch choice(c, "by") {
			case "", "project":
			case "category":
				opts.byCategory = true
			default:
				return usagef("--by %q: use category", c.String("by"))
			}
			if k := strings.TrimPrefix(opts.out.Sort, "-"); k == "lead_pp" && opts.month == 0 {
				return usagef("--sort lead needs --as-of: the lead is over the time progress")
			}
			return runInvest(e, opts)
		},
	}
}

// asOfMonth reads --as-of: a month, a year-to-date label, the end of a
// quarter, or a whole year (12).
func asOfMonth(label string) (year, month int, err error) {
	if label == "" {
		return 0, 0, nil
	}
	p, _, err := calc.ParsePeriod(label)
	if err != nil {
		return 0, 0, usagef("--as-of %q: write a month such as 2017-10 or 2017年1-10月", label)
	}
	last, _ := p.Last(calc.Monthly) // a quarter's last month, a year's December
	return int(last.Year), int(last.Sub), nil
}

// project is one row of the input.
type project struct {
	name, category     string
	planned, completed decimal.Decimal
	status             string
	order              int
}

func runInvest(e *env, opts investOptions) error {
	in, err := input.Open(opts.in, e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	name, err := in.Find(projectColumn, opts.cols[0])
	if err != nil {
		return err
	}
	category, err := in.FindOptional(categoryColumn, opts.cols[1])
	if err != nil {
		return err
	}
	planned, err := in.Find(plannedColumn, opts.cols[2])
	if err != nil {
		return err
	}
	completed, err := findSpanned(in, completedColumn, opts.cols[3])
	if err != nil {
		return err
	}
	if err := checkOwnPeriod(in, completed, "the year to date that an annual plan is measured by", completedColumn.Flag); err != nil {
		return err
	}
	if err := checkHeaderMonths(in, completed, opts.year, opts.month); err != nil {
		return err
	}
	opts.units = [2]string{periodlessUnit(in, planned), periodlessUnit(in, completed)}
	unit, exps, err := columnUnits(in, []int{planned, completed}, opts.units[:], "")
	if err != nil {
		return err
	}
	if converted(exps) { // both in the finer unit, for the rate and the totals
		opts.units = [2]string{unit, unit}
		noteUnits(e, in, []int{planned, completed}, exps, unit)
	}
	rows := rowUnits{in: in, col: unitColumnOf(in), amounts: []int{planned, completed}}
	opts.totals.numbering = numberingColumn(in, name, category)
	var projects []project
	seen := projectLines{}
	var reported []reportedTotal
	var headings []categoryHeading // 一、六大战役项目: the category of the projects under it
	var uncategorized error        // with --by category, the first project without a category
	subtotals := 0
	err = in.Each(func(rec *input.Row) error {
		if err := rows.check(rec); err != nil { // a total's too
			return err
		}
		switch kind, col, err := opts.totals.rowLabel(rec, name, category, firstColumnBeside(name, category)); {
		case err != nil:
			return err
		case kind == totalRow:
			scope, orAll := totalScope(rec, col, category, name)
			t, err := readTotal(rec, col, scope, []int{planned, completed})
			t.orAll = orAll
			reported = append(reported, t.shifted(exps))
			return err
		case kind == subtotalRow:
			subtotals++
			return nil
		}
		if col, cat, level, ok := headingOf(rec, name, opts.totals.numbering-1); ok {
			h, err := readHeading(rec, col, cat, level, len(projects), []int{planned, completed}, exps)
			headings = append(headings, h)
			return err
		}
		p := project{name: rec.Text(name), order: len(projects)}
		if p.name == "" {
			return unnamedProject(rec, in.Header, name)
		}
		if category >= 0 {
			p.category = rec.Text(category)
		}
		if p.category == "" && len(headings) > 0 {
			p.category = headings[len(headings)-1].category
		}
		switch {
		case p.category != "" || !opts.byCategory:
		case category >= 0:
			return rec.Errorf(category, "empty: with --by category every project needs its category (a merged cell leaves the rows under it empty: fill it down)")
		case uncategorized == nil:
			uncategorized = rec.Errorf(name, "%s is above the first category heading: with --by category every project needs its category (a heading row above it, 一、六大战役, or a category column)", input.QuoteCell(p.name))
		}
		for k, f := range []struct {
			col int
			dst *decimal.Decimal
		}{{planned, &p.planned}, {completed, &p.completed}} {
			v, err := rec.Number(f.col)
			if err != nil {
				return err
			}
			if !v.OK {
				return rec.Errorf(f.col, "empty: every project needs its plan and its completed amount (write 0)")
			}
			*f.dst = v.V.Shift(exps[k])
		}
		if p.completed.Sign() < 0 {
			return rec.Errorf(completed, "%s: completed investment cannot be negative", report.ExactString(p.completed))
		}
		if p.planned.Sign() < 0 { // it would make the total's rate meaningless
			return rec.Errorf(planned, "%s: a plan cannot be negative", report.ExactString(p.planned))
		}
		if p.planned.Sign() == 0 {
			e.warnf("%s:%d: project %q: a plan of %s has no completion rate", rec.Pos().File(), rec.Pos().Line(), p.name, report.ExactString(p.planned))
		}
		seen.see(e, p, rec.Pos())
		p.status = calc.ProjectStatus(p.completed, p.planned, opts.month)
		for i, d := range [2]decimal.Decimal{p.planned, p.completed} {
			opts.places[i] = max(opts.places[i], -min(d.Exponent(), 0))
		}
		projects = append(projects, p)
		return nil
	})
	if err != nil {
		return err
	}
	for i := range opts.units {
		if opts.units[i] == "" {
			opts.units[i] = rows.unit // the 单位 column's, shown in the headers
		}
	}
	noteSubtotals(e, subtotals)
	opts.hasCategory = category >= 0 || len(headings) > 0
	if category < 0 && opts.byCategory {
		if len(headings) == 0 {
			_, err := in.Find(categoryColumn, "")
			return err
		}
		if uncategorized != nil {
			return uncategorized
		}
	}
	names := [2]string{in.Header[planned], in.Header[completed]}
	if err := checkHeadings(e, opts.totals, headings, projects, names); err != nil {
		return err
	}
	if err := checkInvestTotals(e, opts.totals, reported, projects, names); err != nil {
		return err
	}
	if opts.byCategory {
		return writeCategories(e, opts, projects)
	}
	return writeProjects(e, opts, projects)
}

// unnamedProject refuses a row without a project name. A merged 合计 cell
// saves its label in the first column (序号), not the project column: such
// a row, read as a project, would count every project twice in the total.
func unnamedProject(rec *input.Row, header []string, name int) error {
	for c := range min(len(rec.Fields), len(header)) {
		if c == name {
			continue
		}
		if kind := kindOf(rec.Cell(c)); kind != dataRow {
			what := "total"
			if kind == subtotalRow {
				what = "subtotal"
			}
			return rec.Errorf(name, "empty, but column %q holds %s: a %s row whose label is not in the project column; move the label into column %q, or, if another column names the projects, give it with --project-col",
				header[c], input.QuoteCell(rec.Text(c)), what, header[name])
		}
	}
	return rec.Errorf(name, "empty: every project needs its name")
}

func investColumns(opts investOptions, first ...report.Column) []report.Column {
	cols := append(first,
		report.Column{Key: "planned", En: "planned", Zh: "年度计划", Kind: report.ExactKind, Places: opts.places[0]}.WithUnit(opts.units[0]),
		report.Column{Key: "completed", En: "completed", Zh: "累计完成", Kind: report.ExactKind, Places: opts.places[1]}.WithUnit(opts.units[1]),
		report.Column{Key: "completion_pct", En: "completion %", Zh: "完成率%", Kind: report.PercentKind},
	)
	if opts.month > 0 {
		cols = append(cols,
			report.Column{Key: "time_progress_pct", En: "time progress %", Zh: "时间进度%", Kind: report.PercentKind},
			report.Column{Key: "lead_pp", En: "lead pp", Zh: "超序时(百分点)", Kind: report.PercentKind, NonZero: true})
	}
	return cols
}

// figures are a row's completion, time progress and lead cells.
func (opts investOptions) figures(planned, completed decimal.Decimal) []report.Cell {
	// Quotients, divided and rounded once when printed.
	completion := report.Cell{}
	if planned.Sign() > 0 {
		completion = report.PercentCell(completed, planned)
	}
	cells := []report.Cell{report.NumCell(planned), report.NumCell(completed), completion}
	if opts.month > 0 {
		lead := report.Cell{}
		if num, den, ok := calc.LeadRatio(completed, planned, opts.month); ok {
			lead = report.PercentCell(num, den)
		}
		cells = append(cells, report.PercentCell(decimal.NewFromInt(int64(opts.month)), decimal.NewFromInt(12)), lead)
	}
	return cells
}

// writeProjects prints a row per project; the category column only when
// the input has one, since a column empty in every row tells nothing.
func writeProjects(e *env, opts investOptions, projects []project) error {
	first := []report.Column{{Key: "project", En: "project", Zh: "项目", Kind: report.TextKind}}
	if opts.hasCategory {
		first = append(first, report.Column{Key: "category", En: "category", Zh: "类别", Kind: report.TextKind})
	}
	cols := append(investColumns(opts, first...),
		report.Column{Key: "status", En: "status", Zh: "状态", Kind: report.TextKind})
	labels := func(name, category report.Cell) []report.Cell {
		if opts.hasCategory {
			return []report.Cell{name, category}
		}
		return []report.Cell{name}
	}
	rep := opts.out.NewReport(cols)
	var total calc.InvestTally
	for _, p := range projects {
		total.Add(p.planned, p.completed, p.status)
		cells := append(labels(report.TextCell(p.name), report.TextCell(p.category)), opts.figures(p.planned, p.completed)...)
		rep.Add(append(cells, report.WordCell(p.status))...)
	}
	cells := append(labels(report.TotalLabel(), report.Cell{}), opts.figures(total.Planned, total.Completed)...)
	rep.AddTotal(append(cells, report.WordCell(calc.ProjectStatus(total.Completed, total.Planned, opts.month)))...)
	return rep.Finish(e.stdout)
}

func writeCategories(e *env, opts investOptions, projects []project) error {
	shareCol := report.Column{Key: "share_pct", En: "share %", Zh: "投资占比%", Kind: report.PercentKind}
	cols := append(investColumns(opts,
		report.Column{Key: "category", En: "category", Zh: "类别", Kind: report.TextKind},
		report.Column{Key: "projects", En: "projects", Zh: "项目数", Kind: report.ExactKind}),
		shareCol)
	if opts.month > 0 {
		cols = append(cols, report.Column{Key: "behind", En: "behind", Zh: "落后项目数", Kind: report.ExactKind})
	}
	var names []string
	tallies := map[string]*calc.InvestTally{}
	var total calc.InvestTally
	for _, p := range projects {
		t := tallies[p.category]
		if t == nil {
			t = &calc.InvestTally{}
			tallies[p.category] = t
			names = append(names, p.category)
		}
		t.Add(p.planned, p.completed, p.status)
		total.Add(p.planned, p.completed, p.status)
	}
	// The categories' shares make up all investment: with --share-rounding
	// largest-remainder they add to 100 as printed (completed is never
	// negative, so they always can).
	completed := make([]decimal.Decimal, len(names))
	for i, name := range names {
		completed[i] = tallies[name].Completed
	}
	shares, _ := opts.out.ShareCells(shareCol, completed, opts.shares)
	rep := opts.out.NewReport(cols)
	row := func(label report.Cell, t *calc.InvestTally, share report.Cell) []report.Cell {
		cells := append([]report.Cell{label, report.IntCell(t.Projects)}, opts.figures(t.Planned, t.Completed)...)
		cells = append(cells, share)
		if opts.month > 0 {
			cells = append(cells, report.IntCell(t.Behind))
		}
		return cells
	}
	for i, name := range names {
		rep.Add(row(report.TextCell(name), tallies[name], shares[i])...)
	}
	rep.AddTotal(row(report.TotalLabel(), &total, report.PercentCell(total.Completed, total.Completed))...)
	return rep.Finish(e.stdout)
}
