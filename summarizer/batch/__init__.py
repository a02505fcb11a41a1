"""Briefs for many targets: a targets file, resumable runs, summary.csv."""
