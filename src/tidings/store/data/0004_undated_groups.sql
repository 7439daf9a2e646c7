-- Schema version 4: undated events stay apart, mentions get a view, estimated dates are kept.
-- event_groups (schema 3) grouped events by date, actors and CAMEO code, so the undated events
-- of unrelated articles ("the U.S. used force" in seventeen stories without a date) became one
-- real-world event.  From schema 4 an undated event groups only with the same event in the same
-- article.  event_mentions (new) is every event that articles say happened, with the id of the
-- real-world event it reports (event_id); event_groups aggregates it, so the two always agree.
-- NumSources counts an unnamed outlet as one source (GDELT's is never 0).
-- articles.estimated_date: for an article without a date, the day estimated from the years its
-- text names, at which people's roles were read (never an event's date).

ALTER TABLE articles ADD COLUMN estimated_date DATE;

CREATE VIEW event_mentions AS
SELECT
    min(e.id) OVER (PARTITION BY e.date, e.source_code, e.target_code, e.cameo,
                    CASE WHEN e.date IS NULL THEN e.article_id END)  AS event_id,
    e.*,
    a.duplicate_of                                    AS article_duplicate_of,
    a.ingested_at                                     AS article_ingested_at,
    length(a.text)                                    AS article_length,
    -- GDELT's IsRootEvent: reported in an article's lead paragraph.
    e.evidence_start < coalesce(nullif(strpos(a.text, chr(10) || chr(10)), 0),
                                length(a.text) + 1)   AS in_lead
FROM events AS e
JOIN articles AS a ON a.id = e.article_id
WHERE NOT e.negated AND e.modality IN ('asserted', 'reported');

CREATE OR REPLACE VIEW event_groups AS
SELECT
    event_id                                          AS id,
    any_value(date)                                   AS date,
    any_value(source_code)                            AS source_code,
    any_value(target_code)                            AS target_code,
    any_value(cameo)                                  AS cameo,
    arg_min(source_country, id)                       AS source_country,
    arg_min(source_sector, id)                        AS source_sector,
    arg_min(coalesce(source_name, source_text), id)   AS source_name,
    arg_min(target_country, id)                       AS target_country,
    arg_min(target_sector, id)                        AS target_sector,
    arg_min(coalesce(target_name, target_text), id)   AS target_name,
    arg_min(cameo_name, id)                           AS cameo_name,
    arg_min(plover, id)                               AS plover,
    arg_min(plover_mode, id)                          AS plover_mode,
    arg_min(goldstein, id)                            AS goldstein,
    arg_min(quad_class, id)                           AS quad_class,
    arg_min(location_name, id)                        AS location_name,
    arg_min(location_country, id)                     AS location_country,
    arg_min(location_lat, id)                         AS location_lat,
    arg_min(location_lon, id)                         AS location_lon,
    arg_min(evidence_text, id)                        AS evidence_text,
    arg_min(evidence_trigger, id)                     AS trigger,
    arg_min(article_id, id)                           AS article_id,
    arg_min(article_url, id)                          AS article_url,
    bool_or(in_lead)                                  AS is_root,
    count(*)                                          AS n_mentions,
    greatest(count(DISTINCT article_source), 1)       AS n_sources,
    count(DISTINCT coalesce(article_duplicate_of, article_id)) AS n_articles,
    min(article_ingested_at)                          AS added_at
FROM event_mentions
GROUP BY event_id;
