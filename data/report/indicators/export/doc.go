// Package export writes an indicators.Report for the funders in the reader's
// language: an XLSX workbook (a sheet per table and the raw visits), a CSV of
// the indicator table that Excel opens as it is in Sweden, Norway and
// English-speaking settings, and a PDF summary. Every format is built from
// the same translated tables (tables.go), so the three always agree.
package export
