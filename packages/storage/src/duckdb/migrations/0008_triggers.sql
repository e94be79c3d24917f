-- Version 8: on-site triggers. A trigger is a message the decision API offers a visitor on a
-- page (a recommendation carousel, a dwell or exit-intent pop-in, a social-proof badge, a
-- free-shipping bar), with its targeting, frequency capping, content and kind-specific settings
-- as JSON, so that they can grow without a migration each. Impressions, clicks and dismissals
-- are events ('Trigger Shown', 'Trigger Clicked', 'Trigger Dismissed'), not rows here.

CREATE TABLE triggers (
  project_id VARCHAR NOT NULL,
  trigger_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  active BOOLEAN NOT NULL,
  priority INTEGER NOT NULL,
  targeting JSON NOT NULL,
  capping JSON NOT NULL,
  content JSON NOT NULL,
  settings JSON NOT NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (project_id, trigger_id)
);
