/**
 * What the web server offers an operator: {@code /health/live} and {@code /health/ready} for a load balancer
 * ({@link bullion.web.ops.HealthRoutes}), {@code /metrics} in Prometheus text behind a bearer token
 * ({@link bullion.web.ops.Monitoring}, {@link bullion.web.ops.MetricsRoute}), every request timed by its route
 * template ({@link bullion.web.ops.HttpMetrics}), and a request id in every log line of a request
 * ({@link bullion.web.ops.RequestLogId}).
 */
package bullion.web.ops;
