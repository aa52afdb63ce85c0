/// The sign-in form.
enum LoginTemplate {
    static let text = """
        <h1>Sign in</h1>
        {{#error}}<p class="notice error" role="alert">{{error}}</p>{{/error}}
        <form class="stack narrow" method="post" action="/login">
          <input type="hidden" name="next" value="{{next}}">
          <label for="user">User</label>
          <input id="user" name="user" autocomplete="username" required value="{{user}}">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <button type="submit">Sign in</button>
        </form>
        """
}
