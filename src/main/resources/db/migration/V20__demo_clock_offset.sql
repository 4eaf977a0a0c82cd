-- Issue 17: the demo clock of the default start (demo.DemoClock) moves the engine's clock by an offset. The offset
-- was kept in memory only, so after a restart the clock went back to the real time while the data stayed "in the
-- future". One row (id 1) keeps it; demo.DemoClockOffset restores it on start. Written only where the demo clock
-- exists (the default profile); the postgres and prod profiles refuse the demo clock and leave the table empty.
CREATE TABLE demo_clock_offset (
    id             INT                      NOT NULL PRIMARY KEY,
    offset_millis  BIGINT                   NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_demo_clock_offset_one_row CHECK (id = 1)
);
