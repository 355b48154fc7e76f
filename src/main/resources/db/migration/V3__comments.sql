CREATE TABLE comments (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id  BIGINT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body       VARCHAR(10000) NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL,
    updated_at TIMESTAMPTZ   NOT NULL
);

CREATE INDEX comments_article_created_idx ON comments (article_id, created_at, id);
CREATE INDEX comments_author_idx ON comments (author_id);
