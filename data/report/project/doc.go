// Package project drafts the project's own progress or final report for a
// period: Build assembles a document (headings, prose the lead writes,
// tables, lists and pictures) from the funder indicators, the joint actions
// that ran and the findings log per project step, with the chapters other
// parts of the app add, and the renderers write that one document as PDF,
// DOCX or Markdown (with its pictures as files beside it). The figures come
// from the data; where prose is wanted the draft holds a marked prompt for
// the lead to replace.
package project
