-- Version 4: personas. A discovery run stores its personas (name, description and figures as
-- the API shows them) and who belongs to each, so "make segment" turns exactly the customers a
-- manager looked at into a segment (rule: personas contains "<persona id>"), whatever the data
-- does afterwards. Runs without a segment are replaced by the next discovery.

CREATE TABLE personas (
  project_id VARCHAR NOT NULL,
  persona_id VARCHAR NOT NULL,
  run_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  -- The persona as the API answers it (description, traits, size, value).
  summary JSON NOT NULL,
  created_at TIMESTAMP NOT NULL,
  -- Set once a segment was made of the persona; such personas are kept.
  segment_id VARCHAR,
  PRIMARY KEY (project_id, persona_id)
);

CREATE TABLE persona_members (
  project_id VARCHAR NOT NULL,
  persona_id VARCHAR NOT NULL,
  profile_id VARCHAR NOT NULL
);
