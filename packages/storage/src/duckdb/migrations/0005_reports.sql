-- Version 5: scheduled reports. A saved analysis with its parameters, schedule and delivery
-- (JSON as the API shows them), and the scheduler's state: the next slot due, the slot last
-- claimed (a run claims its slot here first, so no slot runs twice, even with several servers
-- on one store) and the outcome of the last run.

CREATE TABLE reports (
  project_id VARCHAR NOT NULL,
  report_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  analysis VARCHAR NOT NULL,
  params JSON NOT NULL,
  -- NULL: delivered on demand only.
  schedule JSON,
  delivery JSON NOT NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  next_run_at TIMESTAMP,
  last_slot_at TIMESTAMP,
  last_run_at TIMESTAMP,
  last_error VARCHAR,
  PRIMARY KEY (project_id, report_id)
);
