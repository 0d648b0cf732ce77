package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// XLSX writes the workbook: a sheet per table (indicators first) and the
// raw visits last, each with a bold, frozen header row and set column widths.
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
// characters, none of : \ / ? * [ ], and unique (case-insensitively).
type sheetNames map[string]bool

func (s sheetNames) unique(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	base := name
	for i := 2; s[strings.ToLower(name)]; i++ {
		suffix := fmt.Sprintf(" %d", i)
		r := []rune(base)
		if len(r)+len(suffix) > 31 {
			r = r[:31-len(suffix)]
		}
		name = string(r) + suffix
	}
	s[strings.ToLower(name)] = true
	return name
}
