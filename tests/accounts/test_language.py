def test_language_switch_to_english(client, db):
    client.get("/")

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "<title>Home · Yuncheng Mayor's Quality Award Management System</title>" in html
    assert "Sign in" in html
    assert "No lists are being publicly noticed at the moment" in html
    assert "This system charges no fees of any kind (Article 10)" in html


def test_language_switch_back_to_chinese(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})

    html = client.get("/").content.decode()

    assert '<html lang="zh-hans">' in html
    assert "暂无正在公示的名单" in html


def test_login_page_in_english(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    html = client.get("/accounts/login/").content.decode()

    assert "<h1>Sign in</h1>" in html
    assert "User name" in html
