-- Version 3: customer profiles. Identities are keys 'a:<anonymousId>' or 'u:<userId>'; user ids
-- include hashed e-mails ('email:<hmac>') and external ids ('ext:<type>:<id>'). An identity
-- without a link is a profile of its own (profile id = the identity key); linked identities
-- share a profile id 'p_...'. Events are never rewritten: analyses resolve them through here.

CREATE TABLE identity_links (
  project_id VARCHAR NOT NULL,
  identity VARCHAR NOT NULL,
  profile_id VARCHAR NOT NULL,
  linked_at TIMESTAMP NOT NULL,
  -- identify, alias, import, rule:email ...
  source VARCHAR NOT NULL,
  PRIMARY KEY (project_id, identity)
);

-- The audit trail: every merge with its reason and the identities it moved (so it can be undone).
CREATE TABLE profile_merges (
  project_id VARCHAR NOT NULL,
  merge_id VARCHAR NOT NULL,
  merged_at TIMESTAMP NOT NULL,
  kept_profile VARCHAR NOT NULL,
  merged_profile VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  moved_identities JSON NOT NULL,
  undone_at TIMESTAMP,
  PRIMARY KEY (project_id, merge_id)
);

-- Computed traits per profile, refreshed incrementally.
CREATE TABLE profile_traits (
  project_id VARCHAR NOT NULL,
  profile_id VARCHAR NOT NULL,
  first_seen TIMESTAMP,
  last_seen TIMESTAMP,
  events BIGINT NOT NULL,
  sessions BIGINT NOT NULL,
  channels VARCHAR,
  orders INTEGER NOT NULL,
  revenue DOUBLE NOT NULL,
  average_order_value DOUBLE,
  first_order_at TIMESTAMP,
  last_order_at TIMESTAMP,
  rfm_recency INTEGER,
  rfm_frequency INTEGER,
  rfm_monetary INTEGER,
  rfm_segment VARCHAR,
  lifecycle_stage VARCHAR,
  historic_clv DOUBLE,
  predicted_clv DOUBLE,
  churn_probability DOUBLE,
  expected_purchases_52w DOUBLE,
  refreshed_at TIMESTAMP NOT NULL,
  PRIMARY KEY (project_id, profile_id)
);

CREATE TABLE segments (
  project_id VARCHAR NOT NULL,
  segment_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  -- The rule in Centric's segment language (see packages/analyses/src/segments).
  rule VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (project_id, segment_id)
);

-- Membership history: when a profile entered and left a segment (cohorts by segment entry).
CREATE TABLE segment_memberships (
  project_id VARCHAR NOT NULL,
  segment_id VARCHAR NOT NULL,
  profile_id VARCHAR NOT NULL,
  entered_at TIMESTAMP NOT NULL,
  left_at TIMESTAMP
);
