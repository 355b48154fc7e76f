package io.inkwell.live;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkwell.comment.CommentEvents;
import io.inkwell.comment.CommentResponse;
import io.inkwell.profile.ProfileResponse.Profile;

/**
 * Publishes new and deleted comments to their article's followers on every replica, right after the
 * commit and off the request's thread. Live messages are best effort (a client catches up through
 * REST), so they skip the durable pipeline: there they would wait behind every mail and notification
 * still queued. A message that finds the queue full is dropped and counted.
 */
@ApplicationScoped
class LiveComments {

    private static final int QUEUE = 10_000;

    private final LiveFanout fanout;
    private final ObjectMapper json;
    private final ThreadPoolExecutor publishing;

    LiveComments(LiveFanout fanout, ObjectMapper json) {
        this.fanout = fanout;
        this.json = json;
        this.publishing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                task -> Thread.ofPlatform().name("inkwell-live-publish").daemon().unstarted(task),
                (task, executor) -> fanout.droppedOne());
    }

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentEvents.Posted posted) {
        publishing.execute(() -> {
            CommentResponse.View view = posted.comment();
            Profile author = view.author();
            CommentResponse.View followed = new CommentResponse.View(view.id(), view.createdAt(), view.updatedAt(), view.body(),
                    new Profile(author.username(), author.bio(), author.image(), true));
            fanout.toArticle(posted.articleId(), posted.authorId(), write(new LiveMessages.Comment(posted.slug(), view)),
                    write(new LiveMessages.Comment(posted.slug(), followed)));
        });
    }

    void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentEvents.Deleted deleted) {
        publishing.execute(() -> {
            String text = write(new LiveMessages.CommentDeleted(deleted.slug(), deleted.commentId()));
            fanout.toArticle(deleted.articleId(), 0, text, text);
        });
    }

    @PreDestroy
    void stop() {
        publishing.shutdown();
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Live messages are plain records", e);
        }
    }
}
