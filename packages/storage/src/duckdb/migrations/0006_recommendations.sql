-- Version 6: recommendation slots. A slot is a place on a shop page (home, product page, cart,
-- e-mail) with the algorithm it shows, its length and its business rules (filters, boosts,
-- pins, exclusions, diversity) as JSON, so that rules can grow without a migration each.
-- Impressions are events ('Recommendation Viewed'), not rows here: attribution joins them with
-- clicks and orders like any other behaviour.

CREATE TABLE recommendation_slots (
  project_id VARCHAR NOT NULL,
  slot_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  algorithm VARCHAR NOT NULL,
  item_limit INTEGER NOT NULL,
  rules JSON NOT NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (project_id, slot_id)
);
