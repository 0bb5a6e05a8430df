-- 0001_init.sql: the first migration; brings a new, empty file to schema
-- version 1.
--
-- Creates `meta`, onoma's notes about the database file itself, one value
-- per key, and records which program made the file and when, so that a
-- user or a later onoma looking at an unfamiliar .db can tell what it is.
-- The term store and the translation memory come in later migrations.
--
-- Run by memory/sqlite/migrations.cc inside its transaction: no BEGIN or
-- COMMIT here, and no PRAGMA user_version (the runner sets it). Never edit
-- a released migration; add the next one.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

INSERT INTO meta (key, value) VALUES
  ('created_by', 'onoma'),
  -- UTC, ISO 8601, to the second.
  ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
