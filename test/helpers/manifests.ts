/** The tutorial's two-replica nginx Deployment (`run-my-nginx.yaml`), shared by simulator tests. */
export const MY_NGINX_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-nginx
spec:
  selector:
    matchLabels:
      run: my-nginx
  replicas: 2
  template:
    metadata:
      labels:
        run: my-nginx
    spec:
      containers:
      - name: my-nginx
        image: nginx
        ports:
        - containerPort: 80
`;
