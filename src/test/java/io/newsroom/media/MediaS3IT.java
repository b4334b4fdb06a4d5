package io.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsroom.actor.Role;
import io.newsroom.security.ApiKeyService;
import io.newsroom.support.IntegrationTest;
import io.newsroom.support.Photos;
import io.newsroom.support.Photos.Answer;
import io.newsroom.support.S3rver;
import io.newsroom.support.SecondInstance;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.JsonNode;

/**
 * Photos kept in a real S3-compatible server (s3rver on 127.0.0.1), by an instance configured as a
 * deployment would be (NEWSROOM_MEDIA_S3_*, NEWSROOM_MEDIA_PUBLIC_BASE_URL at the bucket): originals
 * and renditions land in the bucket, readers fetch renditions from it, and the service serves and
 * makes them from there too. The bucket is checked with the AWS SDK itself.
 */
class MediaS3IT extends IntegrationTest {

    private static S3rver s3rver;
    private static SecondInstance instance;
    private static S3Client bucket;

    @BeforeAll
    static void startBucketAndInstance() {
        s3rver = S3rver.start("newsroom-photos");
        instance = SecondInstance.start(
                "--newsroom.media.s3.endpoint=" + s3rver.endpoint(),
                "--newsroom.media.s3.bucket=" + s3rver.bucket(),
                "--newsroom.media.s3.region=us-east-1",
                "--newsroom.media.s3.access-key=" + S3rver.ACCESS_KEY,
                "--newsroom.media.s3.secret-key=" + S3rver.SECRET_KEY,
                "--newsroom.media.public-base-url=" + s3rver.bucketUrl());
        bucket = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(s3rver.endpoint())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3rver.ACCESS_KEY, S3rver.SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void stop() {
        if (bucket != null) {
            bucket.close();
        }
        if (instance != null) {
            instance.close();
        }
        if (s3rver != null) {
            s3rver.close();
        }
    }

    private HeadObjectResponse head(String key) {
        return bucket.headObject(request -> request.bucket(s3rver.bucket()).key(key));
    }

    private static String key(String url, String base) {
        return url.substring(base.length() + 1);
    }

    @Test
    void originalsAndRenditionsAreKeptInTheBucketAndReadersFetchThemFromIt() {
        String key = instance.context().getBean(ApiKeyService.class).create("s3 writer", Role.EDITOR).secret();
        Photos onS3 = new Photos(instance.port(), json);
        Answer answer = onS3.upload(key, "iphone.jpg");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode item = answer.json();
        String hash = jdbc.queryForObject("SELECT content_hash FROM media WHERE id = ?::uuid", String.class, item.get("id").asString());

        assertThat(head("originals/" + hash).contentLength()).isEqualTo(Photos.file("iphone.jpg").length);
        assertThat(item.get("url").asString()).startsWith(s3rver.bucketUrl() + "/media/" + hash + "/");
        for (JsonNode rendition : item.get("renditions")) {
            String url = rendition.get("url").asString();
            assertThat(url).startsWith(s3rver.bucketUrl() + "/media/" + hash + "/");
            // crops are made ahead for a bucket, which cannot make a missing one
            await().atMost(Duration.ofSeconds(30)).until(() -> exists(key(url, s3rver.bucketUrl())));
            HeadObjectResponse object = head(key(url, s3rver.bucketUrl()));
            assertThat(object.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
            assertThat(object.contentType()).isEqualTo(rendition.get("format").asString().equals("webp") ? "image/webp" : "image/jpeg");
        }
        byte[] fromBucket = bucket.getObjectAsBytes(request -> request.bucket(s3rver.bucket())
                .key("media/" + hash + "/w300.jpg")).asByteArray();
        BufferedImage upright = Photos.decode(fromBucket);
        assertThat(upright.getWidth()).isEqualTo(300);
        assertThat(upright.getHeight()).isEqualTo(400);
        assertThat(Photos.contains(fromBucket, "GPS")).isFalse();

        Answer asReaders = onS3.get(s3rver.bucketUrl() + "/media/" + hash + "/w300.jpg");
        assertThat(asReaders.status()).as("a reader's plain GET of the public URL").isEqualTo(200);
        assertThat(asReaders.body()).isEqualTo(fromBucket);
        assertThat(asReaders.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");

        Answer served = onS3.get("/media/" + hash + "/w300.jpg");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(fromBucket);
        Answer again = onS3.get("/media/" + hash + "/w300.jpg");
        assertThat(again.body()).as("sent again from the bytes kept in memory").isEqualTo(fromBucket);
        assertThat(again.header("Content-Length")).isEqualTo(String.valueOf(fromBucket.length));
        Answer original = onS3.get("/api/admin/media/" + item.get("id").asString() + "/original", "Authorization", "Bearer " + key);
        assertThat(original.body()).isEqualTo(Photos.file("iphone.jpg"));

        assertThat(new io.newsroom.support.Api(instance.port(), json).as(key).delete("/api/admin/media/" + item.get("id").asString())
                .status()).isEqualTo(204);
        assertThat(exists("originals/" + hash)).isFalse();
        assertThat(exists("media/" + hash + "/w300.jpg")).isFalse();
        assertThat(onS3.get("/media/" + hash + "/w300.jpg").status()).as("forgotten with the photo").isEqualTo(404);
    }

    private boolean exists(String key) {
        try {
            head(key);
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
