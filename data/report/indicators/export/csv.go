package export

import (
	"encoding/csv"
	"io"
	"strconv"

	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// bom makes Excel read the file as UTF-8 (å, ä, ö, æ, ø) instead of the
// system's legacy code page.
const bom = "\ufeff"

// CSV writes the indicator table (code, indicator, value) the way Excel
// opens it without an import dialog in the reader's locale: UTF-8 with a
// byte-order mark, CRLF line ends, and in Swedish and Norwegian ';' between
// fields and a decimal comma (',' and a decimal point in English).
// The first line says which period and selection the numbers cover, and an
// empty line parts it from the table, so a pasted or re-opened file still
// says what it counts and Excel's table tools see the table on its own.
func CSV(w io.Writer, r *indicators.Report, o Options) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if decimalComma(o.Lang) {
		cw.Comma = ';'
	}
	tr := o.Lang
	covers := []string{tr.T("report.indicators.period", "From", tr.DateString(r.Filter.From), "To", tr.DateString(r.Filter.To))}
	if sel := selection(r.Filter, tr); sel != "" {
		covers = append(covers, tr.T("report.indicators.filter", "Filter", sel))
	}
	if err := cw.Write(covers); err != nil {
		return err
	}
	if err := cw.Write(nil); err != nil { // an empty line
		return err
	}
	tables := append([]table{indicatorTable(r, tr)}, splitTables(r, tr)...)
	// A submitted period: the differences since, last.
	if t := submittedTable(r, tr); t != nil {
		st := *t
		st.title += ": " + st.note
		tables = append(tables, st)
	}
	for i, t := range tables {
		if err := writeCSVTable(cw, t, o, i > 0); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeCSVTable writes a table's header and rows; a table after the first
// comes after an empty line and its title.
func writeCSVTable(cw *csv.Writer, t table, o Options, titled bool) error {
	if titled {
		if err := cw.Write(nil); err != nil {
			return err
		}
		if err := cw.Write([]string{t.title}); err != nil {
			return err
		}
	}
	if err := cw.Write(t.header); err != nil {
		return err
	}
	for _, row := range t.rows {
		rec := make([]string, len(row))
		for i, c := range row {
			switch {
			case c.decimal:
				rec[i] = plainDecimal(o.Lang, c.num)
			case c.isNum:
				rec[i] = strconv.FormatInt(int64(c.num), 10)
			default:
				rec[i] = c.text
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return nil
}
