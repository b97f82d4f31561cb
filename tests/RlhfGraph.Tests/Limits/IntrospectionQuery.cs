namespace RlhfGraph.Tests.Limits;

/// <summary>
/// The introspection query IDEs send (graphql-js's, with the options this server supports and nine levels
/// of ofType, deeper than Banana Cake Pop's six), which every limit must let through.
/// </summary>
internal static class IntrospectionQuery
{
    public const string Full = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description isOneOf
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
        }
        """;

    /// <summary>
    /// Exactly what graphql-js 16.15.0 produces for getIntrospectionQuery({ specifiedByUrl: true, directiveIsRepeatable: true,
    /// inputValueDeprecation: true }), the query GraphiQL 3, Apollo Sandbox and codegen's URL loader send; generated with
    /// `npm install graphql@16` in a temporary folder and
    /// `node -e 'process.stdout.write(require("graphql").getIntrospectionQuery({specifiedByUrl:true,directiveIsRepeatable:true,inputValueDeprecation:true}))'`
    /// (indentation normalized).
    /// </summary>
    public const string GraphQLJsAllFlags = """
        query IntrospectionQuery {
        __schema {

        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
        ...FullType
        }
        directives {
        name
        description
        isRepeatable


        locations
        args(includeDeprecated: true) {
        ...InputValue
        }
        }
        }
        }

        fragment FullType on __Type {
        kind
        name
        description
        specifiedByURL

        fields(includeDeprecated: true) {
        name
        description
        args(includeDeprecated: true) {
        ...InputValue
        }
        type {
        ...TypeRef
        }
        isDeprecated
        deprecationReason
        }
        inputFields(includeDeprecated: true) {
        ...InputValue
        }
        interfaces {
        ...TypeRef
        }
        enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
        }
        possibleTypes {
        ...TypeRef
        }
        }

        fragment InputValue on __InputValue {
        name
        description
        type { ...TypeRef }
        defaultValue
        isDeprecated
        deprecationReason
        }

        fragment TypeRef on __Type {
        kind
        name
        ofType {
        name
        kind
        ofType {
        name
        kind
        ofType {
        name
        kind
        ofType {
        name
        kind
        ofType {
        name
        kind
        ofType {
        name
        kind
        ofType {
        name
        kind
        ofType {
        name
        kind
        ofType {
        name
        kind
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }

        """;
}
