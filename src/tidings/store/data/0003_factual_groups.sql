-- Real-world events are what articles say happened.  event_groups (schema 2) counted every
-- non-negated event, so "Russia would have the power to veto it" (hypothetical), "plans to send
-- tanks" (intended) and the aid in "accused Beijing of sending aid" (alleged) became rows of the
-- GDELT export and of the dyad counts.  From schema 3 the view keeps asserted and reported
-- events only; the others stay in the events table with their modality.

CREATE OR REPLACE VIEW event_groups AS
SELECT
    min(e.id)                                         AS id,
    e.date                                            AS date,
    e.source_code                                     AS source_code,
    e.target_code                                     AS target_code,
    e.cameo                                           AS cameo,
    arg_min(e.source_country, e.id)                   AS source_country,
    arg_min(e.source_sector, e.id)                    AS source_sector,
    arg_min(coalesce(e.source_name, e.source_text), e.id) AS source_name,
    arg_min(e.target_country, e.id)                   AS target_country,
    arg_min(e.target_sector, e.id)                    AS target_sector,
    arg_min(coalesce(e.target_name, e.target_text), e.id) AS target_name,
    arg_min(e.cameo_name, e.id)                       AS cameo_name,
    arg_min(e.plover, e.id)                           AS plover,
    arg_min(e.plover_mode, e.id)                      AS plover_mode,
    arg_min(e.goldstein, e.id)                        AS goldstein,
    arg_min(e.quad_class, e.id)                       AS quad_class,
    arg_min(e.location_name, e.id)                    AS location_name,
    arg_min(e.location_country, e.id)                 AS location_country,
    arg_min(e.location_lat, e.id)                     AS location_lat,
    arg_min(e.location_lon, e.id)                     AS location_lon,
    arg_min(e.evidence_text, e.id)                    AS evidence_text,
    arg_min(e.evidence_trigger, e.id)                 AS trigger,
    arg_min(e.article_id, e.id)                       AS article_id,
    arg_min(e.article_url, e.id)                      AS article_url,
    -- GDELT's IsRootEvent: reported in an article's lead paragraph.
    bool_or(e.evidence_start < coalesce(nullif(strpos(a.text, chr(10) || chr(10)), 0),
                                        length(a.text) + 1))  AS is_root,
    count(*)                                          AS n_mentions,
    count(DISTINCT e.article_source)                  AS n_sources,
    count(DISTINCT coalesce(a.duplicate_of, a.id))    AS n_articles,
    min(a.ingested_at)                                AS added_at
FROM events AS e
JOIN articles AS a ON a.id = e.article_id
WHERE NOT e.negated AND e.modality IN ('asserted', 'reported')
GROUP BY e.date, e.source_code, e.target_code, e.cameo;
