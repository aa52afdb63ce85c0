/// An error page: the problem's title and detail, never a stack trace.
enum ErrorTemplate {
    static let text = """
        <h1>{{title}}</h1>
        <p class="notice error" role="alert">{{detail}}</p>
        <p><a href="/">Back to the board</a></p>
        """
}
