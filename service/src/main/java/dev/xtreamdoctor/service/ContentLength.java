package dev.xtreamdoctor.service;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Every answer of the service is a byte array known in full: say its length, so clients read it
 * without chunked framing and a kept-alive connection is ready for the next request at once.
 */
final class ContentLength implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof byte[] body
        && !response.getHeaders().containsKey("Content-Length")) {
      response.getHeaders().putSingle("Content-Length", body.length);
    }
  }
}
