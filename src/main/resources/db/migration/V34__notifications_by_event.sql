-- Notifications are listed newest first in the order of their events, not of their handling: the
-- consumers handle events in parallel, so a later event's notification may be written first. Per
-- recipient, event_id is unique (notifications_event_recipient_key), so it orders pages totally.
CREATE INDEX notifications_recipient_event_idx ON notifications (recipient_id, event_id DESC);
DROP INDEX notifications_recipient_idx;
