// Swagger UI over the service's own MicroProfile OpenAPI document.
window.ui = SwaggerUIBundle({ url: "/openapi", dom_id: "#swagger-ui", withCredentials: true });
