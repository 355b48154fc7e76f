-- What happened that concerns a user: a new follower, a comment on or a favorite of their article,
-- an article by an author they follow. Deleting the article, comment or either user deletes the
-- notification with it, so nothing deleted can leak through notifications.
CREATE TABLE notifications (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    actor_id     BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type         VARCHAR(16) NOT NULL,
    article_id   BIGINT      REFERENCES articles (id) ON DELETE CASCADE,
    comment_id   BIGINT      REFERENCES comments (id) ON DELETE CASCADE,
    -- The event it came from: handling an event again adds nothing.
    event_id     BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at      TIMESTAMPTZ,
    CONSTRAINT notifications_type_check CHECK (type IN ('follow', 'comment', 'favorite', 'article')),
    CONSTRAINT notifications_not_own_action CHECK (recipient_id <> actor_id)
);

CREATE UNIQUE INDEX notifications_event_recipient_key ON notifications (event_id, recipient_id);
-- Following again after unfollowing, or favoriting again, notifies nobody a second time.
CREATE UNIQUE INDEX notifications_follow_once_key ON notifications (recipient_id, actor_id) WHERE type = 'follow';
CREATE UNIQUE INDEX notifications_favorite_once_key ON notifications (recipient_id, actor_id, article_id) WHERE type = 'favorite';
-- Pages newest first (keyset on id), the unread count, and the cascades.
CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (recipient_id) WHERE read_at IS NULL;
CREATE INDEX notifications_actor_idx ON notifications (actor_id);
CREATE INDEX notifications_article_idx ON notifications (article_id) WHERE article_id IS NOT NULL;
CREATE INDEX notifications_comment_idx ON notifications (comment_id) WHERE comment_id IS NOT NULL;
