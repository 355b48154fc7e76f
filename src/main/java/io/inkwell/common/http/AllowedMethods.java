package io.inkwell.common.http;

import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler.InitialMatch;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;

/**
 * The HTTP methods the API serves at a path, read from Quarkus REST's own routing tables, so that
 * {@code OPTIONS} and 405 answers advertise exactly what the route serves (Quarkus REST would list
 * every method of the resource class). New resources are covered without being listed anywhere.
 */
@ApplicationScoped
public class AllowedMethods {

    private volatile RequestMapper<InitialMatch> classes;

    /** The methods served at {@code path} (with HEAD where GET is, and OPTIONS); empty when no route matches. */
    public Set<String> at(String path) {
        Set<String> allowed = new TreeSet<>();
        RequestMapper<InitialMatch> mapper = classes();
        for (var match = mapper.map(path); match != null; match = mapper.continueMatching(path, match)) {
            String remaining = match.remaining == null || match.remaining.isEmpty() ? "/" : match.remaining;
            for (ServerRestHandler handler : match.value.handlers) {
                if (handler instanceof ClassRoutingHandler routing) {
                    routing.getMappers().forEach((method, methods) -> {
                        if (method != null && matchesFully(methods, remaining)) {
                            allowed.add(method);
                        }
                    });
                }
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
        }
        return allowed;
    }

    private static boolean matchesFully(RequestMapper<RuntimeResource> methods, String path) {
        var match = methods.map(path);
        return match != null && (match.remaining == null || match.remaining.isEmpty());
    }

    private RequestMapper<InitialMatch> classes() {
        RequestMapper<InitialMatch> mapper = classes;
        if (mapper == null) {
            Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
            // A copy: the mapper sorts the list it is given, and this one belongs to the live router.
            mapper = new RequestMapper<>(new ArrayList<>(deployment.getClassMappers()));
            classes = mapper;
        }
        return mapper;
    }
}
