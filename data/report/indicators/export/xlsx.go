package export

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// XLSX writes the workbook: a sheet per table (indicators first), a sheet
// per questionnaire answered in the period and the raw visits last, each
// with a bold, frozen header row and set column widths.
func XLSX(w io.Writer, r *indicators.Report, o Options) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	hours, err := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	if err != nil {
		return err
	}
	names := sheetNames{}
	first := true
	writeSheet := func(name string, header []string, widths []float64, rows func(yield func([]cell) error) error) error {
		name = names.unique(name)
		if first {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		for i, wd := range widths {
			if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		head := make([]any, len(header))
		for i, h := range header {
			head[i] = excelize.Cell{StyleID: bold, Value: h}
		}
		if err := sw.SetRow("A1", head); err != nil {
			return err
		}
		n := 1
		err = rows(func(cells []cell) error {
			n++
			vals := make([]any, len(cells))
			for i, c := range cells {
				switch {
				case c.bold:
					vals[i] = excelize.Cell{StyleID: bold, Value: c.text}
				case c.decimal:
					vals[i] = excelize.Cell{StyleID: hours, Value: c.num}
				case c.isNum:
					vals[i] = int64(c.num)
				default:
					vals[i] = c.text
				}
			}
			return sw.SetRow(fmt.Sprintf("A%d", n), vals)
		})
		if err != nil {
			return err
		}
		return sw.Flush()
	}
	for _, t := range tables(r, o) {
		err := writeSheet(t.sheet, t.header, t.widths, func(yield func([]cell) error) error {
			for _, row := range t.rows {
				if err := yield(row); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	for _, d := range evaluationDocs(o) {
		header, widths, rows := evaluationSheet(d, o.Lang)
		err := writeSheet(d.sheet, header, widths, func(yield func([]cell) error) error {
			for _, row := range rows {
				if err := yield(row); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	header, widths := rawHeader(o.Lang)
	err = writeSheet(o.Lang.T("report.indicators.sheet.visits"), header, widths, func(yield func([]cell) error) error {
		for i := range r.Visits {
			if err := yield(rawRow(r, &r.Visits[i], o.Lang)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// sheetNames keeps worksheet names within Excel's rules: at most 31
// UTF-16 units, none of : \ / ? * [ ], not blank, not starting or ending
// with an apostrophe, and unique (case-insensitively). Names come from
// translations and from questionnaires' titles.
type sheetNames map[string]bool

func (s sheetNames) unique(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) || unicode.IsControl(r) {
			return '-'
		}
		return r
	}, name)
	name = strings.TrimSpace(strings.Trim(name, "'"))
	if name == "" {
		name = "-"
	}
	base := name
	name = fitSheetName(base, "")
	for i := 2; s[strings.ToLower(name)]; i++ {
		name = fitSheetName(base, fmt.Sprintf(" %d", i))
	}
	s[strings.ToLower(name)] = true
	return name
}

// fitSheetName shortens base so that base+suffix is at most 31 UTF-16
// units and does not end with an apostrophe.
func fitSheetName(base, suffix string) string {
	r := []rune(base)
	for len(utf16.Encode(r))+len(suffix) > 31 {
		r = r[:len(r)-1]
	}
	out := strings.TrimRight(string(r), "'")
	if out == "" {
		out = "-"
	}
	return out + suffix
}
