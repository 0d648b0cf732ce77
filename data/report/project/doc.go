// Package project drafts the project's own progress or final report for a
// period: Build assembles a document (headings, prose the lead writes,
// tables and lists) from the funder indicators, the joint actions that ran
// and the findings log per project step, and the renderers write that one
// document as PDF, DOCX or Markdown. The figures come from the data; where
// prose is wanted the draft holds a marked prompt for the lead to replace.
package project
