package io.newsroom.media.web;

import io.newsroom.media.MediaFiles;
import io.newsroom.problem.NotFoundProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renditions for readers. The URL names the file's content (the original's hash, the crop, focal
 * point, width and format), so it never changes. A rendition sent a moment ago is answered before
 * this, from memory ({@link RenditionFilter}).
 */
@RestController
@Tag(name = "Photos (public)", description = "Renditions of library photos: immutable, content-addressed")
class PublicMediaController {

    private final MediaFiles files;

    PublicMediaController(MediaFiles files) {
        this.files = files;
    }

    @GetMapping(RenditionFilter.PATH)
    @Operation(summary = "A rendition (w1280.webp, 16x9-f5000-5000-w640.jpg); without an extension, WebP or JPEG by Accept")
    ResponseEntity<byte[]> rendition(@PathVariable String hash, @PathVariable String name,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                     @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        MediaFiles.Found found = files.find(hash, name, accept).orElseThrow(() -> new NotFoundProblem("No such rendition"));
        HttpHeaders headers = RenditionHeaders.of(hash, found.etag(), found.negotiated());
        if (RenditionHeaders.notModified(ifNoneMatch, found.etag())) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        MediaFiles.Served served = files.serve(found).orElseThrow(() -> new NotFoundProblem("No such rendition"));
        headers.setContentType(MediaType.parseMediaType(served.mediaType()));
        return new ResponseEntity<>(served.bytes(), headers, HttpStatus.OK);
    }
}
