//! Digital products: staff define them with a file and grant them to clients; a client
//! lists what they hold and downloads its file, and nothing they do not hold.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both;
use crate::files::{send_form, sha256_hex};
use crate::flows::{bearer, client_login};
use crate::helpers::{TestApp, fields, problem};

const PRODUCTS: &str = "/api/v1/products";

async fn create(app: &TestApp, name: &str) -> Value {
    let res = app.post(PRODUCTS, &json!({ "name": name, "description": "  A kit.  " })).await;
    assert_eq!(res.status(), 201, "create {name}");
    res.json().await.unwrap()
}

async fn put_file(app: &TestApp, id: &str, name: &str, content: &[u8]) -> Value {
    let res =
        send_form(app, &app.key, Method::PUT, &format!("{PRODUCTS}/{id}/file"), &[("file", Some(name), content)]).await;
    assert_eq!(res.status(), 200, "file for {id}");
    res.json().await.unwrap()
}

async fn portal_products(app: &TestApp, token: &str) -> Value {
    let res = app.req_as(token, Method::GET, "/api/v1/portal/products").send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn grant_list_and_download(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    let cid = maria["id"].as_str().unwrap();
    let kit = create(&app, "Brand starter kit").await;
    assert_eq!(kit["description"], "A kit.");
    assert_eq!(kit["file"], Value::Null);
    let id = kit["id"].as_str().unwrap();

    let first = put_file(&app, id, "kit v1.pdf", b"%PDF-1.4 first").await;
    let old_file = first["file"]["id"].as_str().unwrap().to_string();
    let kit = put_file(&app, id, "kit v2.pdf", b"%PDF-1.4 second").await;
    assert_eq!(kit["file"]["name"], "kit v2.pdf");
    assert_eq!(kit["file"]["content_type"], "application/pdf");
    assert_eq!(kit["file"]["sha256"], sha256_hex(b"%PDF-1.4 second"));
    let file_id = kit["file"]["id"].as_str().unwrap().to_string();
    problem(app.get(&format!("/api/v1/files/{old_file}/download")).await, 404).await;

    let res = app.post(&format!("{PRODUCTS}/{id}/grants"), &json!({ "client_id": cid })).await;
    assert_eq!(res.status(), 201);
    let grant: Value = res.json().await.unwrap();
    assert_eq!(grant["client_name"], "Maria Lopez");
    problem(app.post(&format!("{PRODUCTS}/{id}/grants"), &json!({ "client_id": cid })).await, 409).await;
    let grants: Value = app.get(&format!("{PRODUCTS}/{id}/grants")).await.json().await.unwrap();
    assert_eq!(grants["items"].as_array().unwrap().len(), 1);
    let listed: Value = app.get(PRODUCTS).await.json().await.unwrap();
    assert_eq!(listed["items"][0]["grants"], 1);
    assert_eq!(listed["items"][0]["file"]["id"], file_id.as_str());

    let token = bearer(&client_login(&app, "maria@lopez.es").await);
    let mine = portal_products(&app, &token).await;
    let item = &mine["items"][0];
    assert_eq!(item["name"], "Brand starter kit");
    assert_eq!(item["description"], "A kit.");
    assert!(item["granted_at"].as_str().is_some());
    assert_eq!(item["file"]["id"], file_id.as_str());
    assert_eq!(item["file"]["size"], 15);

    let res =
        app.req_as(&token, Method::GET, &format!("/api/v1/portal/files/{file_id}/download")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("kit%20v2.pdf"));
    assert_eq!(&res.bytes().await.unwrap()[..], b"%PDF-1.4 second");
    let res = app.req_as(&token, Method::GET, &format!("/api/v1/portal/files/{file_id}/link")).send().await.unwrap();
    let link: Value = res.json().await.unwrap();
    let res = app.http.get(app.url(link["url"].as_str().unwrap())).send().await.unwrap();
    assert_eq!(&res.bytes().await.unwrap()[..], b"%PDF-1.4 second");

    // Revoked: gone from the portal, and the download answers 404.
    let res = app.req(Method::DELETE, &format!("{PRODUCTS}/{id}/grants/{cid}")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    problem(app.req(Method::DELETE, &format!("{PRODUCTS}/{id}/grants/{cid}")).send().await.unwrap(), 404).await;
    assert_eq!(portal_products(&app, &token).await["items"], json!([]));
    let res =
        app.req_as(&token, Method::GET, &format!("/api/v1/portal/files/{file_id}/download")).send().await.unwrap();
    problem(res, 404).await;
    problem(app.http.get(app.url(link["url"].as_str().unwrap())).send().await.unwrap(), 404).await;
}

async fn ungranted_and_other_tenants_get_404(app: TestApp) {
    let maria = app.client("Maria Lopez", "maria@lopez.es").await;
    app.client("Sofia Rossi", "sofia@rossi.it").await;
    let kit = create(&app, "Brand starter kit").await;
    let id = kit["id"].as_str().unwrap();
    let kit = put_file(&app, id, "kit.txt", b"the kit").await;
    let file_id = kit["file"]["id"].as_str().unwrap();
    let res = app.post(&format!("{PRODUCTS}/{id}/grants"), &json!({ "client_id": maria["id"] })).await;
    assert_eq!(res.status(), 201);

    let sofia = bearer(&client_login(&app, "sofia@rossi.it").await);
    assert_eq!(portal_products(&app, &sofia).await["items"], json!([]));
    let res =
        app.req_as(&sofia, Method::GET, &format!("/api/v1/portal/files/{file_id}/download")).send().await.unwrap();
    problem(res, 404).await;

    let (_, other) = app.other_tenant("globex");
    for (method, path) in [
        (Method::GET, format!("{PRODUCTS}/{id}")),
        (Method::DELETE, format!("{PRODUCTS}/{id}")),
        (Method::GET, format!("{PRODUCTS}/{id}/grants")),
        (Method::GET, format!("/api/v1/files/{file_id}/download")),
    ] {
        problem(app.req_as(&other, method, &path).send().await.unwrap(), 404).await;
    }
    let listed: Value = app.req_as(&other, Method::GET, PRODUCTS).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed["items"], json!([]));
    // Granting another tenant's client from here is refused as an unknown client.
    let res = app
        .req_as(&other, Method::POST, &format!("{PRODUCTS}/{id}/grants"))
        .json(&json!({ "client_id": maria["id"] }))
        .send()
        .await
        .unwrap();
    problem(res, 404).await;
    let (globex_product, globex_key) = {
        let res = app.req_as(&other, Method::POST, PRODUCTS).json(&json!({ "name": "Theirs" })).send().await.unwrap();
        let p: Value = res.json().await.unwrap();
        (p["id"].as_str().unwrap().to_string(), other.clone())
    };
    let res = app
        .req_as(&globex_key, Method::POST, &format!("{PRODUCTS}/{globex_product}/grants"))
        .json(&json!({ "client_id": maria["id"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(fields(&problem(res, 404).await), ["client_id"]);
}

async fn validation_archived_clients_and_deletion(app: TestApp) {
    let res = app.post(PRODUCTS, &json!({ "name": "   " })).await;
    assert_eq!(fields(&problem(res, 422).await), ["name"]);
    let res = app.post(PRODUCTS, &json!({ "name": "Kit", "price": 3 })).await;
    problem(res, 422).await;
    let kit = create(&app, "Kit").await;
    let id = kit["id"].as_str().unwrap();
    let res = app.patch(&format!("{PRODUCTS}/{id}"), &json!({ "name": "Starter kit", "description": null })).await;
    assert_eq!(res.status(), 200, "{:?}", res.text().await);
    let changed: Value = res.json().await.unwrap();
    assert_eq!(changed["name"], "Starter kit");
    assert_eq!(changed["description"], Value::Null);

    let gone = app.client("Old Client", "old@example.com").await;
    let gid = gone["id"].as_str().unwrap();
    let res = app.post(&format!("/api/v1/clients/{gid}/archive"), &json!({})).await;
    assert_eq!(res.status(), 200);
    let res = app.post(&format!("{PRODUCTS}/{id}/grants"), &json!({ "client_id": gid })).await;
    assert!(problem(res, 409).await["detail"].as_str().unwrap().contains("archived"));
    let res = app.post(&format!("{PRODUCTS}/{id}/grants"), &json!({ "client_id": "nobody" })).await;
    assert_eq!(fields(&problem(res, 404).await), ["client_id"]);
    let res =
        send_form(&app, &app.key, Method::PUT, &format!("{PRODUCTS}/{id}/file"), &[("file", Some("e.txt"), b"")]).await;
    assert_eq!(fields(&problem(res, 422).await), ["file"]);

    let kit = put_file(&app, id, "kit.txt", b"kit").await;
    let file_id = kit["file"]["id"].as_str().unwrap();
    let res = app.req(Method::DELETE, &format!("{PRODUCTS}/{id}")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    problem(app.get(&format!("{PRODUCTS}/{id}")).await, 404).await;
    problem(app.get(&format!("/api/v1/files/{file_id}/download")).await, 404).await;
}

both!(grant_list_and_download, ungranted_and_other_tenants_get_404, validation_archived_clients_and_deletion);
