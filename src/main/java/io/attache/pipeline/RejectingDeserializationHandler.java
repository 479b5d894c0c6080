package io.attache.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Kafka Streams' log-and-continue deserialization handler, whose dead-letter records (value and key
 * unchanged, headers naming exception, message and origin) get attache's reason header. Its own
 * multi-line WARN is silenced in logback.xml in favour of {@link Rejections}' single line.
 */
public class RejectingDeserializationHandler extends LogAndContinueExceptionHandler {

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        String reason = Rejections.reason(exception, Rejections.DESERIALIZATION_ERROR);
        return Response.resume(Rejections.reject(context, exception, reason, response.deadLetterQueueRecords()));
    }
}
