package io.attache.pipeline;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka Streams' log-and-continue processing handler with attache's reason header, WARN line and
 * counter: a processor that throws on one article sends that article's source record to the DLQ
 * instead of killing the stream thread.
 */
public class RejectingProcessingHandler extends LogAndContinueProcessingExceptionHandler {

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        String reason = Rejections.reason(exception, Rejections.PROCESSING_ERROR);
        return Response.resume(Rejections.reject(context, exception, reason, response.deadLetterQueueRecords()));
    }
}
