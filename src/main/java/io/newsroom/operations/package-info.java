/** What operators run the service with: health on the service port beside the management port's actuator. */
package io.newsroom.operations;
