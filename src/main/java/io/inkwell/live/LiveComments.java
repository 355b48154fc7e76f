package io.inkwell.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.comment.CommentEvents;
import io.inkwell.comment.CommentResponse;
import io.inkwell.profile.ProfileResponse.Profile;

/**
 * Hands new and deleted comments to the fan-out right after the commit; it publishes them to the
 * article's followers on every replica without holding up the request. Live messages are best effort
 * (a client catches up through REST), so they skip the durable pipeline, where they would wait
 * behind every mail and notification still queued.
 */
@ApplicationScoped
class LiveComments {

    private final LiveFanout fanout;
    private final ObjectMapper json;

    LiveComments(LiveFanout fanout, ObjectMapper json) {
        this.fanout = fanout;
        this.json = json;
    }

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentEvents.Posted posted) {
        CommentResponse.View view = posted.comment();
        Profile author = view.author();
        CommentResponse.View followed = new CommentResponse.View(view.id(), view.createdAt(), view.updatedAt(), view.body(),
                new Profile(author.username(), author.bio(), author.image(), true));
        fanout.toArticle(posted.articleId(), posted.authorId(), LiveMessages.toJson(json, new LiveMessages.Comment(posted.slug(), view)),
                LiveMessages.toJson(json, new LiveMessages.Comment(posted.slug(), followed)));
    }

    void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentEvents.Deleted deleted) {
        String text = LiveMessages.toJson(json, new LiveMessages.CommentDeleted(deleted.slug(), deleted.commentId()));
        fanout.toArticle(deleted.articleId(), 0, text, text);
    }
}
